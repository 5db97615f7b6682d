// SpreadsheetApp.Ui and Menu: add-on menus, sidebars and alerts, recorded through the execution context.
import { expectArgs } from './args';
import { BUTTON, BUTTON_SET } from './enums';
import { type ApiEnv, type ApiObject, defineApi } from './strict';

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: MenuEntry[] };

const UI_SCOPE = ['https://www.googleapis.com/auth/script.container.ui'] as const;

export class MenuApi implements ApiObject {
  readonly _items: MenuEntry[] = [];
  constructor(
    readonly _env: ApiEnv,
    readonly _title: string,
    readonly _addon: boolean,
  ) {}

  addItem(caption: unknown, functionName: unknown): this {
    expectArgs(
      'SpreadsheetApp.Menu.addItem',
      [caption, functionName],
      typeof caption === 'string' && typeof functionName === 'string',
    );
    this._items.push({ caption: caption as string, functionName: functionName as string });
    return this;
  }
  addSeparator(): this {
    this._items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: unknown): this {
    expectArgs('SpreadsheetApp.Menu.addSubMenu', [menu], menu instanceof MenuApi);
    this._items.push({ caption: (menu as MenuApi)._title, items: (menu as MenuApi)._items });
    return this;
  }
  addToUi(): void {
    this._env.ctx.requireScope(UI_SCOPE, 'SpreadsheetApp.Menu.addToUi');
    this._env.ctx.recordUi({ kind: 'menu', detail: { title: this._title, addon: this._addon, items: this._items } });
  }
}

defineApi(MenuApi, { type: 'Menu', unscoped: true, local: ['addItem', 'addSeparator', 'addSubMenu', 'addToUi'] });

export class UiApi implements ApiObject {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;
  constructor(readonly _env: ApiEnv) {}

  /** The add-on's menu; its title is the add-on name, which Google supplies (recorded as ''). */
  createAddonMenu(): MenuApi {
    return new MenuApi(this._env, '', true);
  }
  createMenu(title: unknown): MenuApi {
    expectArgs('SpreadsheetApp.Ui.createMenu', [title], typeof title === 'string');
    return new MenuApi(this._env, title as string, false);
  }
  showSidebar(output: unknown): void {
    const html = output as { getTitle?: () => unknown; getContent?: () => unknown } | null;
    expectArgs('SpreadsheetApp.Ui.showSidebar', [output], typeof html?.getContent === 'function');
    this._env.ctx.requireScope(UI_SCOPE, 'SpreadsheetApp.Ui.showSidebar');
    const title = typeof html?.getTitle === 'function' ? html.getTitle() : '';
    this._env.ctx.recordUi({ kind: 'sidebar', detail: { title, html: html?.getContent?.() } });
  }
  /** A modal dialog over the spreadsheet: recorded with its title and HTML. */
  showModalDialog(output: unknown, title: unknown): void {
    const html = output as { getContent?: () => unknown; getWidth?: () => unknown; getHeight?: () => unknown } | null;
    expectArgs(
      'SpreadsheetApp.Ui.showModalDialog',
      [output, title],
      typeof html?.getContent === 'function' && typeof title === 'string',
    );
    this._env.ctx.requireScope(UI_SCOPE, 'SpreadsheetApp.Ui.showModalDialog');
    this._env.ctx.recordUi({ kind: 'dialog', detail: { title, html: html?.getContent?.() } });
  }
  /** alert(prompt) or alert(title, prompt, buttons): recorded; the emulated user presses the first button. */
  alert(...args: unknown[]): unknown {
    const valid = args.length >= 1 && args.length <= 3 && typeof args[0] === 'string';
    expectArgs('SpreadsheetApp.Ui.alert', args, valid);
    const [title, prompt, buttons] = args.length === 3 ? args : ['', args[0], args[1]];
    this._env.ctx.recordUi({ kind: 'alert', detail: { title, prompt, buttons: String(buttons ?? 'OK') } });
    return buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK;
  }
}

defineApi(UiApi, { type: 'Ui', unscoped: true, local: ['createAddonMenu', 'createMenu'] });
