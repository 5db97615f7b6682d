// SHA-256 of a text through Utilities (the bundle has no crypto of its own), as base64.

/** Base64 of the SHA-256 of `text` in UTF-8. */
export function sha256(text: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8);
  return Utilities.base64Encode(bytes);
}
