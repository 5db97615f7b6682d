// Offer shapes of `GET /opportunities/:id/offers` (Lever docs; TAP's opportunity_offers schema).

/** Offer statuses (Lever docs): a hire's offer is `signed`; `denied` is an approval that was refused. */
export type OfferStatus =
  | 'draft'
  | 'approval-sent'
  | 'approved'
  | 'sent'
  | 'sent-manually'
  | 'opened'
  | 'denied'
  | 'signed';

/** One field of an offer form; `identifier` is stable across accounts (e.g. `salary_amount`). */
export interface OfferField {
  text: string;
  identifier: string;
  value: string | number | null;
}

export interface OfferDocument {
  fileName: string;
  uploadedAt: number;
  downloadUrl: string;
}

/** An offer as `GET /opportunities/:id/offers` lists it. */
export interface Offer {
  id: string;
  createdAt: number;
  creator: string;
  status: OfferStatus;
  fields: OfferField[];
  signatures: { candidate?: { email: string; signedAt: number | null; firstName: string; lastName: string } };
  approved: boolean | null;
  approvedAt: number | null;
  sentAt: number | null;
  posting: string | null;
  sentDocument: OfferDocument | null;
  signedDocument: OfferDocument | null;
}
