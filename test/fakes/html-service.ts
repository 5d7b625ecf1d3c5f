import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guard, type Guarded } from './guard';

type GHtmlService = GoogleAppsScript.HTML.HtmlService;
type GHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** The state of each HtmlOutput handed out, so the UI fake can record it without calling (and counting) its getters. */
const outputs = new WeakMap<object, HtmlOutputImpl>();

export interface HtmlOutputState { title: string; content: string; width: number | null; height: number | null }

export function htmlOutputState(output: GHtmlOutput): HtmlOutputState | null {
  const impl = outputs.get(output);
  return impl ? impl._state() : null;
}

class HtmlOutputImpl implements Pick<GHtmlOutput, 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'getContent' | 'setContent'> {
  _self!: GHtmlOutput;
  private _title = '';
  private _width: number | null = null;
  private _height: number | null = null;
  constructor(private _content: string) {}
  _state(): HtmlOutputState { return { title: this._title, content: this._content, width: this._width, height: this._height }; }
  setTitle(title: string): GHtmlOutput { this._title = title; return this._self; }
  getTitle(): string { return this._title; }
  // The real getters answer an Integer; before a set they answer the default size, which no test relies on.
  setWidth(width: number): GHtmlOutput { this._width = width; return this._self; }
  getWidth(): number { return this._width ?? 0; }
  setHeight(height: number): GHtmlOutput { this._height = height; return this._self; }
  getHeight(): number { return this._height ?? 0; }
  getContent(): string { return this._content; }
  setContent(content: string): GHtmlOutput { this._content = content; return this._self; }
}

export class HtmlServiceImpl implements Pick<GHtmlService, 'createHtmlOutputFromFile' | 'createHtmlOutput'> {
  constructor(private readonly _ctx: Guarded, private readonly _distDir: string) {}

  static wrap(ctx: Guarded, distDir: string): GHtmlService {
    return guard<GHtmlService>(new HtmlServiceImpl(ctx, distDir), 'HtmlService', ctx);
  }

  private _output(content: string): GHtmlOutput {
    const impl = new HtmlOutputImpl(content);
    impl._self = guard<GHtmlOutput>(impl, 'HtmlOutput', this._ctx);
    outputs.set(impl._self, impl);
    return impl._self;
  }

  /** Serves dist/<name>.html, the file clasp pushes as the project's HTML file `name`. */
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    const path = join(this._distDir, `${filename}.html`);
    if (!existsSync(path)) throw new this._ctx.realm.Error(`No HTML file named ${filename} was found.`);
    return this._output(readFileSync(path, 'utf8'));
  }

  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): GHtmlOutput {
    if (html !== undefined && typeof html !== 'string') throw new this._ctx.realm.Error('not implemented in fake: HtmlService.createHtmlOutput(blob)');
    return this._output(html ?? '');
  }
}
