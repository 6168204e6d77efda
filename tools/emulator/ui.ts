/** HtmlService and the spreadsheet Ui (menus, sidebars, dialogs, alerts). */
import { instrument, Runtime } from './runtime';

export interface MenuItemRecord {
  caption: string;
  functionName: string;
}

export interface UiRecord {
  menus: { title: string; items: MenuItemRecord[] }[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  alerts: string[];
  toasts: string[];
}

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;
export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

export class HtmlOutput {
  private title = '';
  private width = 0;
  private height = 0;

  constructor(
    readonly rt: Runtime,
    private content: string,
  ) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this;
  }
  /** IFRAME is the only mode left in Apps Script; the setting has no effect. */
  setSandboxMode(mode: unknown): HtmlOutput {
    void mode;
    return this;
  }
  setXFrameOptionsMode(mode: unknown): HtmlOutput {
    void mode;
    return this;
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    void name;
    void content;
    return this;
  }
  setFaviconUrl(iconUrl: string): HtmlOutput {
    void iconUrl;
    return this;
  }
  /** Uncounted accessors for the Ui recorder. */
  _getTitle(): string {
    return this.title;
  }
  _getContent(): string {
    return this.content;
  }
}
instrument(HtmlOutput, 'HtmlOutput');

export class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly rt: Runtime,
    private readonly files: Record<string, string>,
  ) {}

  /** createHtmlOutput(), (html) or (blob): a blob is read as text. */
  createHtmlOutput(html?: unknown): HtmlOutput {
    const blob = html as { getDataAsString?: () => string } | undefined;
    if (blob && typeof blob === 'object' && typeof blob.getDataAsString === 'function') return new HtmlOutput(this.rt, blob.getDataAsString());
    return new HtmlOutput(this.rt, html === undefined ? '' : String(html));
  }

  /** Project files are looked up without their ".html" extension, as in the editor. */
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.files[name];
    if (content === undefined) throw this.rt.error(`No HTML file named ${name} was found.`);
    return new HtmlOutput(this.rt, content);
  }
}
instrument(HtmlServiceImpl, 'HtmlService');

export class Menu {
  readonly _items: MenuItemRecord[] = [];

  constructor(
    readonly rt: Runtime,
    private readonly record: UiRecord,
    readonly _title: string,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this._items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  /** Separators are not recorded: the record only lists clickable items. */
  addSeparator(): Menu {
    return this;
  }

  /** Sub-menu items are flattened as "Sub › Item" so tests can still find them. */
  addSubMenu(menu: Menu): Menu {
    for (const item of menu._items) this._items.push({ caption: `${menu._title} › ${item.caption}`, functionName: item.functionName });
    return this;
  }

  addToUi(): void {
    const existing = this.record.menus.findIndex((m) => m.title === this._title);
    const entry = { title: this._title, items: this._items.map((i) => ({ ...i })) };
    // Re-running onOpen replaces the menu rather than duplicating it.
    if (existing >= 0) this.record.menus[existing] = entry;
    else this.record.menus.push(entry);
  }
}
instrument(Menu, 'Menu');

export class UiService {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    readonly rt: Runtime,
    private readonly record: UiRecord,
    private readonly addonName: string,
  ) {}

  createAddonMenu(): Menu {
    return new Menu(this.rt, this.record, this.addonName);
  }

  createMenu(caption: string): Menu {
    return new Menu(this.rt, this.record, String(caption));
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.record.sidebars.push({ title: userInterface._getTitle(), html: userInterface._getContent() });
  }

  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.record.dialogs.push({ title: String(title), html: userInterface._getContent(), modal: true });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.record.dialogs.push({ title: String(title), html: userInterface._getContent(), modal: false });
  }

  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). Records the prompt text. */
  alert(a: string, b?: unknown, c?: unknown): string {
    const isButtonSet = (v: unknown) => typeof v === 'string' && v in ButtonSet;
    const prompt = c !== undefined || (b !== undefined && !isButtonSet(b)) ? String(b) : String(a);
    this.record.alerts.push(prompt);
    const buttons = c ?? (b !== undefined && isButtonSet(b) ? b : 'OK');
    return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? Button.YES : Button.OK;
  }
}
instrument(UiService, 'Ui');

export function emptyUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] };
}
