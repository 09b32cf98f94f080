/**
 * The lint's view of a file or notebook: its statements with their function
 * and class scopes, the bindings of each scope in order (so a use finds the
 * assignment that reaches it with no reassignment between), and the
 * resolution of dotted names to fully qualified library symbols through the
 * file's imports. Pure: no `vscode`.
 *
 * It is read lazily. One pass writes each cell's tokens to a token tape
 * (./tape.ts) and records each statement's run of it, scope and first word,
 * what each header declares, and which statements name, call or may bind each
 * name. A statement is parsed from its run when a rule asks (`callsNamed`, or
 * a lookup through `ensure`), and its bindings are made then. `exhaustive`
 * parses and binds everything up front: the tests compare the two.
 */
import type { ImportTable } from '../imports';
import { COMPOUND } from '../statements';
import { canonicalPath } from '../symbols';
import { K_NAME, K_OP, TOKEN_KINDS, type TokenKind } from '../tokens';
import { argument, dotted, eachCall, headerShape, parameterPosition, parsedShape, parseStatement, unwrap, type CallExpr, type Expr, type ParsedStatement, type TokenSeq } from './expr';
import { BINDER, CALLED, NameIndex, UNCALLED } from './name-index';
import type { CachedParse, ParseCache } from './parse-cache';
import { Symbols, TokenTape } from './tape';
import { AS, ASSIGN, CLOSE, DOT, IN_PLACE, isInPlaceMethod, LPAREN, marksFor, OPEN, RESERVED, RESERVED_WORDS, WALRUS, type SymbolMarks } from './symbol-marks';
import { readCells, type Comment, type Token } from './tokens';

/**
 * One statement with its scope: a run of its cell's token tape, read by index (a TokenSeq). It is
 * parsed (`p`) on first use: most statements of a file never reach a rule.
 */
export class Stmt implements TokenSeq {
  index!: number;
  tape!: TokenTape;
  /** The statement's first token on the tape, and how many it has (a header's end with its `:`). */
  from!: number;
  length!: number;
  /** Function scope id (0 = module: every cell of a notebook, in order). */
  scope!: number;
  /** Id of the class whose method this statement is in (for `self.x`), if any. */
  cls!: number | undefined;
  indent!: number;
  /** Parses kept from the lint before, by statement text (none for the exhaustive oracle). */
  private cache!: ParseCache | undefined;
  /** The first token's text when it is a keyword the program asks about (`return`, `def`, `import`, …), else ''. */
  word!: string;
  /** For a compound header: 'def', 'class' or 'other' (set while the program is read). */
  declares!: 'def' | 'class' | 'other' | undefined;
  private parsed!: ParsedStatement | undefined;
  private cached!: CachedParse | undefined;
  private callList!: CallExpr[] | undefined;

  constructor(index: number, tape: TokenTape, from: number, length: number, scope: number, cls: number | undefined, indent: number, cache?: ParseCache) {
    this.reset(index, tape, from, length, scope, cls, indent, cache);
  }

  /**
   * Lets go of what the statement read (its tape and source, its parse and calls) as it goes back
   * to the pool: held by a pooled statement, in the old generation, they would live on into the
   * next lint, be copied by its scavenges and promoted, and fill the old generation with garbage.
   */
  forget(): this {
    this.tape = NO_TAPE;
    this.cache = undefined;
    this.parsed = undefined;
    this.cached = undefined;
    this.callList = undefined;
    return this;
  }

  /**
   * Makes the statement another one (Program.release gives statements back to STMT_POOL; the next
   * program takes them): statements then live in the old generation, and a lint's scavenges have
   * thousands fewer objects to copy. Every field is set, in the constructor's order.
   */
  reset(index: number, tape: TokenTape, from: number, length: number, scope: number, cls: number | undefined, indent: number, cache: ParseCache | undefined): this {
    this.index = index;
    this.tape = tape;
    this.from = from;
    this.length = length;
    this.scope = scope;
    this.cls = cls;
    this.indent = indent;
    this.cache = cache;
    // Only the words the program asks about are kept (the canonical constant).
    this.word = tape.kinds[from] === K_NAME ? (KEPT_WORDS.get(tape.text(from)) ?? '') : '';
    this.declares = undefined;
    this.parsed = undefined;
    this.cached = undefined;
    this.callList = undefined;
    return this;
  }

  get cell(): number {
    return this.tape.cell;
  }

  kind(i: number): TokenKind | undefined {
    return i >= 0 && i < this.length ? TOKEN_KINDS[this.tape.kinds[this.from + i]] : undefined;
  }

  text(i: number): string | undefined {
    return i >= 0 && i < this.length ? this.tape.text(this.from + i) : undefined;
  }

  /** Whether token `i` is the name `name` / the operator `op` (no text made for other kinds). */
  isName(i: number, name: string): boolean {
    return i >= 0 && i < this.length && this.tape.kinds[this.from + i] === K_NAME && this.tape.text(this.from + i) === name;
  }

  isOp(i: number, op: string): boolean {
    return i >= 0 && i < this.length && this.tape.kinds[this.from + i] === K_OP && this.tape.text(this.from + i) === op;
  }

  /** Token `i` as a Token object (made on demand, for its position or a literal). */
  tok(i: number): Token {
    return this.tape.token(this.from + i);
  }

  get p(): ParsedStatement {
    if (!this.parsed) {
      if (this.cache) {
        const { tape, from, length } = this;
        this.cached = this.cache.get(tape.src.slice(tape.starts[from], tape.ends[from + length - 1]), () => parseStatement(this));
        this.parsed = this.cached.parsed;
      } else this.parsed = parseStatement(this);
    }
    return this.parsed;
  }

  /** Every call of the statement (nested ones included), in order. */
  get calls(): readonly CallExpr[] {
    if (!this.callList) {
      const p = this.p;
      if (this.cached?.calls) this.callList = this.cached.calls;
      else {
        // Gathered in a shared list and copied out at their number (most statements have one or two).
        callTop = 0;
        for (const e of p.exprs) eachCall(e, pushCall);
        this.callList = callScratch.slice(0, callTop);
        if (this.cached) this.cached.calls = this.callList;
      }
    }
    return this.callList;
  }
}

/** The tape of a pooled statement: an empty one. */
const NO_TAPE = new TokenTape('', -1, new Symbols());

/** Statements of released programs, for the next (at most STMT_POOL_SIZE). */
const STMT_POOL: Stmt[] = [];
const STMT_POOL_SIZE = 8192;

const callScratch: CallExpr[] = [];
let callTop = 0;
const pushCall = (call: CallExpr): void => {
  callScratch[callTop++] = call;
};

export interface Binding {
  /** A name, or `self.name` for an attribute of the instance. */
  key: string;
  stmt: Stmt;
  /** The value bound, when it is a plain `key = value`; undefined for any other binding. */
  value?: Expr;
  how: 'assign' | 'param' | 'def' | 'class' | 'import' | 'unpack' | 'other';
  /** For `a, b = value` ('unpack'): the value unpacked and the key's place in it (`b`: 1). */
  unpacked?: { value: Expr; element: number };
}

export type { CallExpr };

/** Made by `new`, not as object literals: see the note on pretenuring in ./expr.ts. */
class BindingAt implements Binding {
  constructor(
    public key: string,
    public stmt: Stmt,
    public how: Binding['how'],
    public value?: Expr,
    public unpacked?: { value: Expr; element: number },
  ) {}
}

/** A call and its statement (by `new`, as BindingAt). */
class CallAt {
  constructor(
    public call: CallExpr,
    public stmt: Stmt,
  ) {}
}

/** Every call of `stmts` (nested ones included), in order, with its statement. */
function callsIn(stmts: readonly Stmt[]): { call: CallExpr; stmt: Stmt }[] {
  const out: { call: CallExpr; stmt: Stmt }[] = [];
  for (const stmt of stmts) for (const call of stmt.calls) out.push(new CallAt(call, stmt));
  return out;
}

/** Conventional module aliases used without an import in snippets and notebooks. */
const CONVENTIONAL: Readonly<Record<string, string>> = {
  F: 'torch.nn.functional',
  nn: 'torch.nn',
  torch: 'torch',
  tf: 'tensorflow',
  keras: 'keras',
  layers: 'keras.layers',
  optax: 'optax',
  jax: 'jax',
};


/**
 * Statements that leave their function: nothing after them in their block runs, and the block's
 * bindings reach no statement after it. (`break` goes on after its loop, and `continue` to the next
 * iteration: a binding before them may still reach what follows.)
 */
const EXITS = new Set(['return', 'raise']);

/** Clauses that run instead of the block before them, not after it. */
const ALTERNATIVES = new Set(['elif', 'else', 'except', 'case']);
/** The headers of an `if` chain. */
const IF_CHAIN = new Set(['if', 'elif', 'else']);

/** The first words a statement's `word` keeps. */
const KEPT_WORDS = new Map([...COMPOUND, 'return', 'import', 'from', 'yield', 'del', 'raise', 'global', 'nonlocal'].map((w) => [w, w]));

/** The last segment of a binding key (`criterion` of `self.criterion`): a statement that binds the key has that name token. */
export const lastSegment = (key: string): string => key.slice(key.lastIndexOf('.') + 1);

export interface ProgramOptions {
  /**
   * Read and bind every statement up front and give every call to the rules, as the lint did
   * before it read lazily: the tests' oracle that the lazy reading finds the same diagnostics.
   */
  exhaustive?: boolean;
  /** Parses kept between lints (ignored by the exhaustive reading, which parses everything afresh). */
  cache?: ParseCache;
  /**
   * The source of a module of the user's project that the file imports, by its name as the import
   * writes it (`network`, `models.gan`, `.model` for a relative one), or undefined when it is not
   * one (a library). The program reads such a module's classes on first ask (moduleProgram); a
   * module's own imports are not followed further.
   */
  modules?: (name: string) => string | undefined;
}

/** Numbers the programs (see qualify). */
let programs = 0;

export class Program {
  /** This program's number, unique in the process. */
  private readonly serial = ++programs;
  readonly stmts: Stmt[] = [];
  readonly comments: Comment[];
  readonly imports: ImportTable;
  private readonly tapes: TokenTape[];
  /** scope id -> key -> bindings in statement order. */
  private readonly scopes = new Map<number, Map<string, Binding[]>>();
  /** class id -> attribute -> bindings (every method), in statement order. */
  private readonly classAttrs = new Map<number, Map<string, Binding[]>>();
  /** Every name bound anywhere other than by an import (complete for the names `ensure`d). */
  private readonly locallyBound = new Set<string>();
  /** Module-level class name -> its scope id; `classId.method` -> the method's scope id. */
  private readonly classes = new Map<string, number>();
  private readonly methods = new Map<string, number>();
  /** A method's scope id -> its `def` header and its class id. */
  private readonly methodHeaders = new Map<number, { header: Stmt; cls: number }>();
  /** A method's `def` header (its statement index) -> its scope id. */
  private readonly methodScopes = new Map<number, number>();
  /** assignedOnOtherObject's answers, by attribute name. */
  private readonly otherObjectAttributes = new Map<string, boolean>();
  /** Module-level function name -> its scope id (the last def of the name). */
  private readonly functions = new Map<string, number>();

  /** A module-level function's scope id -> its `def` header (every def of the module, the shadowed ones too). */
  private readonly functionHeaders = new Map<number, Stmt>();
  /** A module-level function's `def` header (by statement index) -> its scope id. */
  private readonly functionScopes = new Map<number, number>();
  /** returnsIn's answers, by scope id. */
  private readonly returns = new Map<number, Stmt[]>();
  /** argumentBinding's answers, by parameter binding (null: none). */
  private readonly argumentBindings = new Map<Binding, Binding | null>();
  /** A function's scope id -> the scope it is defined in (0: the module, a method's too). */
  private readonly scopeParents = new Map<number, number>();
  private allCalls: { call: CallExpr; stmt: Stmt }[] | undefined;
  private readonly calleeCounts = new Map<string, number>();
  /**
   * Per name: the statements that have it, marked where it is followed by `(` (CALLED), where not
   * (UNCALLED), and where it may be the last name of a key the statement binds (BINDER, see mayBindAt).
   */
  private readonly names = NameIndex.take();
  private readonly symbols: Symbols;
  /** Statements whose targets are bound. */
  private bound: Uint8Array = new Uint8Array(0);
  /** Per statement: 0 not yet asked, 1 no comprehension `for` or lambda in it, 2 one or more (see bindsInside). */
  private innerBinders: Uint8Array = new Uint8Array(0);
  /** Per statement: where its block ends (see blockEnd). */
  private blockEnds: Int32Array | undefined;
  /** Names whose every mentioning statement is bound. */
  private readonly ensured = new Set<string>();
  /** Name -> the scopes whose statements that may bind it are bound. */
  private readonly ensuredIn = new Map<string, Set<number>>();
  private readonly exhaustive: boolean;
  /** instanceAttribute's answers: class id -> attribute -> the binding, or null for none. */
  private readonly instanceAttributes = new Map<number, Map<string, Binding | null>>();
  /**
   * Names some function declares `global` or `nonlocal`: a call of that function may rebind them
   * anywhere, so the lint follows none of them.
   */
  private readonly declaredOutside = new Set<string>();
  /** qualify's answers by dotted name, for this program. */
  private readonly qualifiedNames = new Map<string, string | undefined>();
  /** Where the sources of the project's modules come from (ProgramOptions.modules). */
  private readonly moduleSource: ((name: string) => string | undefined) | undefined;
  /** The programs of the modules read so far, by name (null: not a module of the project). */
  private readonly modulePrograms = new Map<string, Program | null>();

  constructor(readonly cells: readonly string[], options: ProgramOptions = {}) {
    this.exhaustive = options.exhaustive === true;
    this.moduleSource = typeof options.modules === 'function' ? options.modules : undefined;
    let nextScope = 1;
    let stack: { indent: number; kind: 'def' | 'class' | 'block'; id: number }[] = [];
    let cell = -1;
    const cache = this.exhaustive ? undefined : options.cache;
    const read = readCells(cells, (tape, from, to, depth) => {
      if (tape.cell !== cell) {
        cell = tape.cell;
        stack = [];
      }
      while (stack.length && depth <= stack[stack.length - 1].indent) stack.pop();
      let scope = 0;
      let cls: number | undefined;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].kind === 'def') {
          scope = stack[k].id;
          // A method: the class right around its def.
          for (let j = k - 1; j >= 0; j--) {
            if (stack[j].kind === 'class') {
              cls = stack[j].id;
              break;
            }
            if (stack[j].kind === 'def') break;
          }
          break;
        }
        if (stack[k].kind === 'class') break;
      }
      const s = STMT_POOL.pop()?.reset(this.stmts.length, tape, from, to - from, scope, cls, depth, cache) ?? new Stmt(this.stmts.length, tape, from, to - from, scope, cls, depth, cache);
      this.stmts.push(s);
      this.index(s);
      // Only a compound header can be a def, a class or open a block: what it declares is read from
      // its tokens now (the exhaustive oracle parses it); every statement is parsed when a rule asks.
      const shape = this.exhaustive ? parsedShape(s.p) : COMPOUND.has(s.word) ? headerShape(s) : undefined;
      if (!shape) return;
      s.declares = shape.kind;
      if ((shape.kind === 'def' || shape.kind === 'class') && shape.name) this.bind(scope, new BindingAt(shape.name, s, shape.kind));
      if (shape.opensBlock) {
        const kind = shape.kind === 'other' ? 'block' : shape.kind;
        const id = kind === 'block' ? scope : nextScope++;
        if (kind === 'def') this.scopeParents.set(id, scope);
        const around = stack[stack.length - 1];
        // Module-level classes by name; their methods by class and name.
        if (shape.kind === 'class' && shape.name && !stack.some((e) => e.kind !== 'block')) this.classes.set(shape.name, id);
        if (shape.kind === 'def' && shape.name && !stack.some((e) => e.kind !== 'block')) {
          this.functions.set(shape.name, id);
          this.functionHeaders.set(id, s);
          this.functionScopes.set(s.index, id);
        }
        if (shape.kind === 'def' && shape.name && around?.kind === 'class') {
          this.methods.set(`${around.id}.${shape.name}`, id);
          this.methodHeaders.set(id, { header: s, cls: around.id });
          this.methodScopes.set(s.index, id);
        }
        stack.push({ indent: depth, kind, id });
        if (shape.kind === 'def') for (const name of shape.params ?? []) this.bind(id, new BindingAt(name, s, 'param'));
      }
    });
    this.comments = read.comments;
    this.imports = read.imports;
    this.tapes = read.tapes;
    this.symbols = read.symbols;
    this.bound = new Uint8Array(this.stmts.length);
    this.innerBinders = new Uint8Array(this.stmts.length);
    if (this.exhaustive) for (const s of this.stmts) this.bindStatement(s);
  }

  /**
   * Records the statement under each name token it has, and under each name it may bind. Reserved
   * words are never bound, called or looked up, so not recorded. Runs on every statement of the
   * file: the tokens are read as symbol marks (./symbol-marks.ts), with no text compared.
   */
  private index(s: Stmt): void {
    // Statements that may bind any of their names: imports, `del`, `with` headers (and `async with`),
    // whose `as` targets may be a bracketed list (`with ctx() as (a, p):`), and `case` patterns' captures.
    const bindAll = s.word === 'import' || s.word === 'from' || s.word === 'del' || s.word === 'with' || s.word === 'async' || s.word === 'case';
    if (s.word === 'global' || s.word === 'nonlocal') for (let i = 1; i < s.length; i++) if (s.kind(i) === 'name') this.declaredOutside.add(s.text(i)!);
    const marks = marksFor(s.tape.symbols);
    const lastAssign = bindAll ? -1 : COMPOUND.has(s.word) ? forTargetEnd(s) : lastAssignment(s, marks);
    const { tape, from, length } = s;
    const { kinds, syms } = tape;
    for (let i = 0; i < length; i++) {
      if (kinds[from + i] !== K_NAME) continue;
      const sym = syms[from + i];
      if (marks.of(sym) & RESERVED) continue;
      // The operator after the name, if any (0 for none).
      const next = i + 1 < length && kinds[from + i + 1] === K_OP ? marks.of(syms[from + i + 1]) : 0;
      const flag = (next & LPAREN ? CALLED : next & CLOSE && calledInParens(s, i, marks) ? CALLED | UNCALLED : UNCALLED) | (bindAll || mayBindAt(s, i, lastAssign, next, marks) ? BINDER : 0);
      this.names.add(sym, s.index, flag, s.scope);
    }
  }

  /** The statements (ascending) that have the name `name` with the marks `flag` (0: all). */
  private statementsWith(name: string, flag: number): number[] {
    return this.names.statements(this.symbols.ids.get(name), flag);
  }

  /**
   * Binds the targets of the statements of `scope` that may bind a key whose last name is `name`
   * (once): what `reaching` and `bindingsIn` read, which are the bindings of one scope.
   */
  private ensureIn(name: string, scope: number): void {
    if (this.exhaustive || this.ensured.has(name)) return;
    let scopes = this.ensuredIn.get(name);
    if (!scopes) this.ensuredIn.set(name, (scopes = new Set()));
    if (scopes.has(scope)) return;
    scopes.add(scope);
    this.bindBinders(name, scope);
  }

  /** Binds the targets of every statement that may bind a key whose last name is `name` (once). */
  private ensure(name: string): void {
    if (this.exhaustive || this.ensured.has(name)) return;
    this.ensured.add(name);
    this.bindBinders(name, undefined);
  }

  /**
   * Binds the targets of the statements that may bind a key whose last name is `name`: every one,
   * or those of `scope`. The walk makes no array (a name bound in many functions is walked once per
   * scope asked).
   */
  private bindBinders(name: string, scope: number | undefined): void {
    const names = this.names;
    for (let e = names.firstBinder(this.symbols.ids.get(name)); e >= 0; e = names.nextBinder(e)) {
      if (scope === undefined || names.scopeAt(e) === scope) this.bindStatement(this.stmts[names.stmtAt(e)]);
    }
  }

  private bindStatement(s: Stmt): void {
    if (this.bound[s.index]) return;
    this.bound[s.index] = 1;
    this.bindTargets(s);
  }

  /**
   * The statements with a call whose callee's last name (`cross_entropy` in `F.cross_entropy(…)`,
   * `CrossEntropyLoss` in `nn.CrossEntropyLoss()(…)`) is in `names`, in order: the name token is
   * followed by `(`.
   */
  statementsCalling(names: Iterable<string>): Stmt[] {
    return this.statementsWithAny(names, CALLED);
  }

  /** The statements (in order, each once) that have a name of `names` with the marks `flag` (0: all); every statement for the exhaustive oracle. */
  private statementsWithAny(names: Iterable<string>, flag: number): Stmt[] {
    if (this.exhaustive) return this.stmts;
    const at: number[] = [];
    for (const n of names) for (const i of this.statementsWith(n, flag)) at.push(i);
    at.sort((a, b) => a - b);
    const out: Stmt[] = [];
    for (let k = 0; k < at.length; k++) if (k === 0 || at[k] !== at[k - 1]) out.push(this.stmts[at[k]]);
    return out;
  }

  /**
   * The statements that have a name token in `names`, in order: every one, or with `uncalled` only
   * those where such a token is not followed by `(` (`loss_fn = F.cross_entropy`).
   */
  statementsNaming(names: Iterable<string>, uncalled = false): Stmt[] {
    return this.statementsWithAny(names, uncalled ? UNCALLED : 0);
  }

  /**
   * The calls (nested ones included) of the statements that call a name in `names` (see
   * statementsCalling), in order: a rule that only looks at calls whose callee's last name is in
   * `names` gets the same calls as from `calls` without reading the rest of the file.
   */
  callsNamed(names: Iterable<string>): readonly { call: CallExpr; stmt: Stmt }[] {
    if (this.exhaustive) return this.calls;
    return callsIn(this.statementsCalling(names));
  }

  private bind(scope: number, b: Binding): void {
    let m = this.scopes.get(scope);
    if (!m) this.scopes.set(scope, (m = new Map()));
    addInOrder(m, b.key, b);
    if (b.how !== 'import' && !b.key.startsWith('self.')) this.locallyBound.add(b.key);
  }

  private bindTargets(s: Stmt): void {
    const p = s.p;
    if (p.kind === 'import') {
      for (let i = 0; i < s.length; i++) {
        const name = s.kind(i) === 'name' ? s.text(i)! : '';
        if (name && this.imports.names.has(name)) this.bind(s.scope, new BindingAt(name, s, 'import'));
      }
      return;
    }
    const single = p.kind === 'assign' || p.kind === 'annassign' ? p.targets.length >= 1 : false;
    // `a, b = model(x)`: each name is the value's item at its place.
    const unpacks = p.kind === 'assign' && p.targets.length === 1 && p.value !== undefined;
    for (const target of p.targets) {
      for (const key of targetKeys(target)) {
        const value = single && key.direct ? p.value : undefined;
        if (unpacks && key.element !== undefined) this.bindKey(s, key.key, undefined, { value: p.value!, element: key.element });
        else this.bindKey(s, key.key, value);
      }
    }
    // A `case` pattern binds its capture names (`case {"logits": p}:`, `case Output(logits=p):`).
    if (s.word === 'case') for (const name of captureNames(s)) this.bindKey(s, name, undefined);
    // `del model[-1]` changes model (and `del p` unbinds p).
    if (s.word === 'del') {
      for (const e of p.exprs) for (const key of targetKeys(e)) this.bindKey(s, key.key, undefined);
      return;
    }
    // In-place methods (`p.log_()`, `x.add_(1)`, `model.append(…)`) change the value of their receiver,
    // and torch's in-place functions (`torch.log_(p)`) their first argument.
    for (const e of p.exprs) {
      if (e.k === 'call' && e.fn.k === 'attr' && isInPlaceMethod(e.fn.name)) {
        const key = dotted(e.fn.obj);
        if (key) this.bindKey(s, key, undefined);
        const first = e.args[0];
        const arg = first && !first.name && !first.star ? dotted(first.value) : undefined;
        if (arg && key && this.isTorchModule(key)) this.bindKey(s, arg, undefined);
      }
    }
    // A call's `out=` argument is written into (`torch.log(p, out=p)`).
    if (this.mentionsName(s, 'out')) for (const c of s.calls) {
      for (const a of c.args) {
        const key = a.name === 'out' ? dotted(a.value) : undefined;
        if (key) this.bindKey(s, key, undefined);
      }
    }
    // Walrus `(p := F.softmax(x, 1))` binds too.
    for (let k = 1; k < s.length; k++) {
      if (s.isOp(k, ':=') && s.kind(k - 1) === 'name') this.bind(s.scope, new BindingAt(s.text(k - 1)!, s, 'other'));
    }
  }

  /**
   * Binds `key` at statement `s`: to `value` for a plain assignment, else as changed in a way not
   * followed ('other'). A `self.x` key is also an attribute of the class whose method `s` is in.
   */
  private bindKey(s: Stmt, key: string, value: Expr | undefined, unpacked?: { value: Expr; element: number }): void {
    // `p.data = …` (or `p.data[…] = …`, `p.data.copy_(…)`) changes the values of p.
    if (key.endsWith('.data')) this.bindKey(s, key.slice(0, -5), undefined);
    const b: Binding = new BindingAt(key, s, value ? 'assign' : unpacked ? 'unpack' : 'other', value, unpacked);
    this.bind(s.scope, b);
    if (key.startsWith('self.') && s.cls !== undefined) {
      let m = this.classAttrs.get(s.cls);
      if (!m) this.classAttrs.set(s.cls, (m = new Map()));
      addInOrder(m, key.slice(5), b);
    }
  }

  /**
   * The binding of `key` that reaches statement `at` in its own scope, or undefined when
   * there is none or it is not certain (a binding inside a branch, with another before it, or a
   * name the statement binds for a part of itself: see bindsInside).
   */
  reaching(key: string, at: Stmt): Binding | undefined {
    if (this.isDeclaredOutside(key) || this.bindsInside(at, key)) return undefined;
    this.ensureIn(lastSegment(key), at.scope);
    const list = this.scopes.get(at.scope)?.get(key);
    if (!list) return undefined;
    let found: Binding | undefined;
    let count = 0;
    for (const b of list) {
      if (b.stmt.index >= at.index) break;
      found = b;
      count++;
    }
    if (!found) return undefined;
    if (this.blockEnd(found.stmt) <= at.index) {
      // The binding's block ended before the use (the use is outside it: after it, or in a sibling
      // block). The binding may not have run: trust it only when it is the only one, and never
      // across an alternative clause (`else`, `elif`, `except`, `case`): a use there runs instead.
      if (count > 1) return undefined;
      const end = this.blockEnd(found.stmt);
      // A block that leaves the function (return, raise) after the binding never reaches past its end.
      for (let k = found.stmt.index + 1; k < end; k++) {
        const s = this.stmts[k];
        if (s.indent === found.stmt.indent && EXITS.has(s.word)) return undefined;
      }
      for (let k = end; k < at.index; k++) {
        const s = this.stmts[k];
        if (s.indent < found.stmt.indent && ALTERNATIVES.has(s.word)) return undefined;
      }
    }
    if (this.laterInLoopMayReach(list, found.stmt, at)) return undefined;
    return found;
  }

  /**
   * Whether a binding of `list` made after `at`, in the innermost loop around `at`, may reach `at` on
   * the loop's next iteration. Not when `anchor` (the statement of a binding, or an `if` chain), before `at` in that loop, whose block holds
   * `at`, runs on every path from the loop's start to `at` (`out = model(x)` first in the body, then
   * `loss = criterion(out, y)`, then `if i % 5 == 0: out = out.argmax(1)`): it rebinds the name first.
   */
  private laterInLoopMayReach(list: readonly Binding[], anchor: Stmt, at: Stmt): boolean {
    const loop = loopAround(this, at);
    if (!loop || !list.some((b) => b.stmt.index > at.index && insideLoopBody(this, loop, b.stmt))) return false;
    return !(anchor.index > loop.index && this.blockEnd(anchor) > at.index);
  }

  /**
   * The `if` header of an `if`/`elif`/`else` chain that ends before `at`, in the block that holds
   * `at`, when `b` is a binding at the top level of one of its branches and every branch, the
   * `else` included, has such a binding of `b.key` in `list`: whichever branch runs binds the key,
   * so no binding before the chain reaches `at`. Undefined otherwise (no `else`, a branch that does
   * not bind it, or only in a nested block, an `else` of a loop or a `try`).
   */
  private ifChainBinding(b: Binding, list: readonly Binding[], at: Stmt): Stmt | undefined {
    const depth = b.stmt.indent;
    if (depth === 0) return undefined;
    // The branch's header: the nearest statement before `b` one level up.
    let h = b.stmt.index - 1;
    while (h >= 0 && this.stmts[h].indent >= depth) h--;
    const header = this.stmts[h];
    if (!header || header.indent !== depth - 1 || header.cell !== at.cell || !IF_CHAIN.has(header.word)) return undefined;
    // Back to the chain's `if`: the headers before it at its level must be `elif`s, then the `if`.
    let start = header;
    for (let k = header.index - 1; start.word !== 'if' && k >= 0; k--) {
      const s = this.stmts[k];
      if (s.indent > header.indent) continue;
      if (s.indent < header.indent || (s.word !== 'if' && s.word !== 'elif') || s.cell !== header.cell) return undefined;
      start = s;
    }
    if (start.word !== 'if' || this.blockEnd(start) <= at.index) return undefined;
    // Forward through the branches: each must bind the key at its top level; the last must be the `else`.
    let branch: Stmt | undefined = start;
    while (branch) {
      // Where the branch's body ends (a header with no body statement has none).
      const body = this.stmts[branch.index + 1];
      if (!body || body.indent <= branch.indent) return undefined;
      const end = this.blockEnd(body);
      if (end > at.index) return undefined;
      const first = branch.index;
      if (!list.some((x) => x.stmt.index > first && x.stmt.index < end && x.stmt.indent === branch!.indent + 1)) return undefined;
      if (branch.word === 'else') return start;
      const next: Stmt | undefined = this.stmts[end];
      branch = next && next.indent === branch.indent && next.cell === branch.cell && (next.word === 'elif' || next.word === 'else') ? next : undefined;
    }
    return undefined;
  }

  /**
   * Every binding of `key` that may reach statement `at` in its scope, the nearest first, when they
   * are known: the bindings made in blocks that ended before `at` (each may or may not have run),
   * back to the nearest one made in a block around `at`, which ran on every path to it. Undefined
   * when no binding ran on every path, when a later binding in a loop around both may reach `at`, or
   * where `reaching` gives up on the name. A superset of what may reach: a rule that needs every one
   * of them to agree is safe with it.
   */
  reachingAll(key: string, at: Stmt): Binding[] | undefined {
    if (this.isDeclaredOutside(key) || this.bindsInside(at, key)) return undefined;
    this.ensureIn(lastSegment(key), at.scope);
    const list = this.scopes.get(at.scope)?.get(key);
    if (!list) return undefined;
    const out: Binding[] = [];
    for (let k = list.length - 1; k >= 0; k--) {
      const b = list[k];
      if (b.stmt.index >= at.index) continue;
      out.push(b);
      // The nearest binding that ran on every path to `at`: the ones before it cannot reach.
      if (this.blockEnd(b.stmt) > at.index) return this.laterInLoopMayReach(list, b.stmt, at) ? undefined : out;
      // Or an if/elif/else chain each branch of which binds it (`if imagenet: netD = A() else: netD = B()`).
      const chain = this.ifChainBinding(b, list, at);
      if (chain) {
        if (this.laterInLoopMayReach(list, chain, at)) return undefined;
        // Every binding from the chain on (those of its earlier branches too), the nearest first.
        return list.filter((x) => x.stmt.index > chain.index && x.stmt.index < at.index).reverse();
      }
    }
    return undefined;
  }

  /** Whether the first name of `key` is declared `global` or `nonlocal` somewhere (see declaredOutside). */
  private isDeclaredOutside(key: string): boolean {
    if (this.declaredOutside.size === 0) return false;
    const dot = key.indexOf('.');
    return this.declaredOutside.has(dot < 0 ? key : key.slice(0, dot));
  }

  /** Whether `name` is torch or one of its modules as imported (`torch`, `F`, `nn.init`), or torch by convention. */
  private isTorchModule(name: string): boolean {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const target = this.imports.names.get(head) ?? (head === 'torch' || head === 'F' || head === 'nn' ? CONVENTIONAL[head] : undefined);
    return target !== undefined && (target === 'torch' || target.startsWith('torch.'));
  }

  /**
   * The index of the first statement after `s` whose block depth is smaller than its own: where
   * the block that holds `s` ends (the number of statements if it never does). Worked out for every
   * statement at once, on first ask.
   */
  private blockEnd(s: Stmt): number {
    if (!this.blockEnds) {
      const n = this.stmts.length;
      const ends = new Int32Array(n);
      // Next smaller depth, by a stack of statements still waiting for theirs.
      const waiting: number[] = [];
      for (let k = 0; k < n; k++) {
        const d = this.stmts[k].indent;
        while (waiting.length && this.stmts[waiting[waiting.length - 1]].indent > d) ends[waiting.pop()!] = k;
        waiting.push(k);
      }
      for (const k of waiting) ends[k] = n;
      this.blockEnds = ends;
    }
    return this.blockEnds[s.index];
  }

  /**
   * Whether statement `at` binds the name `key` for a part of itself: a comprehension's or a
   * generator's `for` target (`[F.cross_entropy(p, y) for p in outs]`) or a lambda's parameter
   * (`lambda p, y: F.cross_entropy(p, y)`). A use of the name in the statement may then be that
   * one, not the name of the scope, and the lint does not follow the name out of the statement (a
   * use outside the comprehension, in the same statement, is not followed either: silence is the
   * safe side). Read from the tokens; only a statement with such a `for` or a `lambda` is scanned far.
   */
  private bindsInside(at: Stmt, key: string): boolean {
    if (this.innerBinders[at.index] === 1) return false;
    const ids = this.symbols.ids;
    const name = ids.get(key);
    const forSym = ids.get('for');
    const lambdaSym = ids.get('lambda');
    if (name === undefined || (forSym === undefined && lambdaSym === undefined)) return false;
    let inner = false;
    const inSym = ids.get('in');
    const colonSym = ids.get(':');
    const marks = marksFor(this.symbols);
    const { kinds, syms } = at.tape;
    // 0: outside; 1: a comprehension's targets (to its `in`); 2: a lambda's parameters (to its `:`).
    let mode = 0;
    let depth = 0;
    let modeDepth = 0;
    // A `for` statement's own `for` (first, or after `async`) binds its target for the whole body: a binding like any other.
    const ownFor = at.word === 'for' ? 0 : at.word === 'async' ? 1 : -1;
    for (let i = 0; i < at.length; i++) {
      const k = at.from + i;
      const sym = syms[k];
      if (kinds[k] === K_OP) {
        const m = marks.of(sym);
        if (m & OPEN) depth++;
        else if (m & CLOSE) depth = depth > 0 ? depth - 1 : 0;
        else if (mode === 2 && sym === colonSym && depth === modeDepth) mode = 0;
        continue;
      }
      if (kinds[k] !== K_NAME) continue;
      if (mode === 0) {
        if (sym === forSym && i !== ownFor) mode = 1;
        else if (sym === lambdaSym) mode = 2;
        modeDepth = depth;
        inner ||= mode !== 0;
      } else if (mode === 1 && sym === inSym && depth === modeDepth) mode = 0;
      else if (sym === name) return true;
    }
    // Most statements have neither: they are not scanned again.
    if (!inner) this.innerBinders[at.index] = 1;
    return false;
  }

  /** Gives the tapes' arrays to the next reading: nothing of the program may be read after this. */
  release(): void {
    for (const m of this.modulePrograms.values()) m?.release();
    this.modulePrograms.clear();
    for (const t of this.tapes) t.release();
    this.names.release();
    for (const s of this.stmts) {
      if (STMT_POOL.length >= STMT_POOL_SIZE) break;
      STMT_POOL.push(s.forget());
    }
  }

  /**
   * The program of the project's module `name` (ProgramOptions.modules), read once; undefined when
   * the caller gave no source for it. Its statements are its own: an origin found there is never
   * edited or reported here (see values.ts `module`).
   */
  moduleProgram(name: string): Program | undefined {
    if (!this.moduleSource) return undefined;
    let p = this.modulePrograms.get(name);
    if (p === undefined) {
      let src: string | undefined;
      try {
        src = this.moduleSource(name);
      } catch {
        src = undefined;
      }
      p = typeof src === 'string' ? new Program([src], { exhaustive: this.exhaustive }) : null;
      this.modulePrograms.set(name, p);
    }
    return p ?? undefined;
  }

  /** Whether `name` is bound nowhere in the program (not imported by name, assigned, defined or a parameter). */
  unbound(name: string): boolean {
    this.ensure(name);
    return !this.imports.names.has(name) && !this.locallyBound.has(name) && !this.declaredOutside.has(name);
  }

  /** The scope id of a module-level class's method (`forward`), when the file defines both. */
  methodScope(className: string, method: string): number | undefined {
    // Which class a name builds (defined twice, imported too, rebound) is the caller's question: see values.ts isFileClass.
    const id = this.classes.get(className);
    return id === undefined ? undefined : this.methods.get(`${id}.${method}`);
  }

  /** Whether statement `s` calls a name the file defines as a module-level function or class (`train(…)`, `Trainer(…)`; read from its tokens, unparsed). */
  callsFileFunctionOrClass(s: Stmt): boolean {
    if (!this.functions.size && !this.classes.size) return false;
    for (let i = 0; i + 1 < s.length; i++) {
      if (s.kind(i) !== 'name' || !s.isOp(i + 1, '(') || s.isOp(i - 1, '.')) continue;
      const text = s.text(i)!;
      if (this.functions.has(text) || this.classes.has(text)) return true;
    }
    return false;
  }

  /**
   * The `def` a call of `name` at `at` runs, when `name` is the file's module-level function or class
   * (then its `__init__`, whose parameters after `self` take the call's arguments: `shift` 1).
   */
  fileCallee(name: string, at: Stmt): { header: Stmt; shift: number } | undefined {
    const scope = this.fileFunctionScope(name, at);
    if (scope !== undefined) {
      const header = this.moduleFunctionHeader(scope);
      return header && { header, shift: 0 };
    }
    const init = this.fileClass(name, at) ? this.methodScope(name, '__init__') : undefined;
    const header = init === undefined ? undefined : this.methodHeader(init)?.header;
    return header && { header, shift: 1 };
  }

  /** The name of the module-level class whose id is `cls`. */
  private classNameOf(cls: number): string | undefined {
    for (const [name, id] of this.classes) if (id === cls) return name;
    return undefined;
  }

  /**
   * The scope id of the module-level function `name` as called at `at`: only when the module binds
   * the name once, by its `def`, and the scope of `at` does not bind it (a parameter, a local).
   */
  fileFunctionScope(name: string, at: Stmt): number | undefined {
    if (at.scope !== 0 && this.bindingsIn(at.scope, name).length) return undefined;
    const mod = this.bindingsIn(0, name);
    return mod.length === 1 && mod[0].how === 'def' ? this.functions.get(name) : undefined;
  }

  /**
   * The `def` header of the method whose scope is `scope`, and its class id: only the method the
   * class ends up with under that name (a later `def` of the name replaces it).
   */
  methodHeader(scope: number): { header: Stmt; cls: number } | undefined {
    const m = this.methodHeaders.get(scope);
    const name = m && defName(m.header);
    return m && name !== undefined && this.methods.get(`${m.cls}.${name}`) === scope ? m : undefined;
  }

  /**
   * The object bound where every call of a module-level function passes it for parameter `param`
   * (`def train(model, criterion, loader)` … `train(model, criterion, train_loader)`): only when the
   * module binds the function once, by its `def`, and calls it by name only (never passes it as a
   * value: `Thread(target=train)`), every call gives the parameter (by position before any `*args`,
   * or by keyword), each as a name or `self.x` whose object binding is the same one; or the module calls
   * it once, with a call written out for the parameter (`train(net, nn.NLLLoss(), opt)`): a binding of
   * the parameter to that value at the calling statement. Worked out once per parameter; a call made in
   * the function itself (recursion) is not followed.
   */
  private argumentBinding(param: Binding, depth: number): Binding | undefined {
    const known = this.argumentBindings.get(param);
    if (known !== undefined) return known ?? undefined;
    // Unknown while it is worked out: a recursive call gives up.
    this.argumentBindings.set(param, null);
    const found = this.argumentBindingUncached(param, depth);
    this.argumentBindings.set(param, found ?? null);
    return found;
  }

  private argumentBindingUncached(param: Binding, depth: number): Binding | undefined {
    const header = param.stmt;
    const pos = parameterPosition(header, param.key);
    if (pos === null) return undefined;
    const scope = this.functionScopes.get(header.index);
    const name = defName(header);
    if (scope !== undefined && name) return this.agreedArgument(param, name, pos, (s) => this.fileFunctionScope(name, s) === scope, depth);
    // A parameter of a module-level class's `__init__`: what every construction of the class (`Trainer(net, criterion)`) passes.
    const method = this.methodScopes.get(header.index);
    const m = method === undefined ? undefined : this.methodHeader(method);
    if (!m || name !== '__init__' || pos === undefined || pos < 1) return undefined;
    const className = this.classNameOf(m.cls);
    if (className === undefined) return undefined;
    return this.agreedArgument(param, className, pos - 1, (s) => this.fileClass(className, s) !== undefined && this.classes.get(className) === m.cls, depth);
  }

  /**
   * The object every call of `name` (a function or a class of the module, `owns(s)` saying that a
   * statement's `name` is it) passes at position `pos` or by the parameter's own keyword: see argumentBinding.
   */
  private agreedArgument(param: Binding, name: string, pos: number | undefined, owns: (s: Stmt) => boolean, depth: number): Binding | undefined {
    const header = param.stmt;
    let found: Binding | undefined;
    // A call written out as the argument, and how many calls there are.
    let inline: Binding | undefined;
    let callCount = 0;
    for (const s of this.statementsNaming([name])) {
      // The function's own `def` (or the class statement) names it without calling it.
      if (s === header || (s.declares === 'class' && s.scope === 0 && defName(s) === name)) continue;
      // In a function that binds the name itself (a parameter `train`, a local), it is that function's own; a
      // `def` whose parameter has the name binds it there.
      if ((s.scope !== 0 && this.bindingsIn(s.scope, name).length) || (s.declares === 'def' && parameterPosition(s, name) !== null)) continue;
      // Every mention of the name is a call of it (`model.train()` and a keyword `train=` are other names).
      let mentions = 0;
      for (let i = 0; i < s.length; i++) if (s.isName(i, name) && !s.isOp(i - 1, '.') && !s.isOp(i + 1, '=')) mentions++;
      const calls = s.calls.filter((c) => c.fn.k === 'name' && c.fn.name === name);
      // The module binds the name once, by this `def` (or class), and the calling scope does not shadow it.
      if (calls.length !== mentions || !owns(s)) return undefined;
      for (const c of calls) {
        callCount++;
        const arg = argument(c, pos, [param.key]);
        if (arg && withoutPassMethods(arg.value).k === 'call') {
          inline = new BindingAt(param.key, s, 'assign', arg.value);
          continue;
        }
        const argKey = arg && dotted(unwrap(arg.value));
        const b = argKey !== undefined ? this.objectBindingOf(argKey, s, depth + 1) : undefined;
        if (!b || (found && b !== found)) return undefined;
        found = b;
      }
    }
    return inline ? (callCount === 1 ? inline : undefined) : found;
  }

  /** Whether a `def` header has a decorator (the statement before it, in its block, starts with `@`). */
  isDecorated(header: Stmt): boolean {
    const before = this.stmts[header.index - 1];
    return before !== undefined && before.cell === header.cell && before.indent === header.indent && before.isOp(0, '@');
  }

  /** The scope id of the method `method` of the class whose id is `cls` (the last `def` of the name in the class). */
  methodOfClass(cls: number, method: string): number | undefined {
    return this.methods.get(`${cls}.${method}`);
  }

  /** Whether some method of class `cls` assigns the attribute `self.attr` (or changes it in place). */
  bindsAttribute(cls: number, attr: string): boolean {
    this.ensure(attr);
    return (this.classAttrs.get(cls)?.get(attr)?.length ?? 0) > 0;
  }

  /** The `def` header of the module-level function whose scope is `scope` (undefined for a method, a nested function or the module). */
  moduleFunctionHeader(scope: number): Stmt | undefined {
    return this.functionHeaders.get(scope);
  }

  /**
   * The `class` statement of the module-level class `name` as used at `at`: only when the module
   * binds the name once, by that statement, and the scope of `at` does not bind it (a parameter, a
   * local class, a loop variable, `Net = PretrainedNet`). Without `at`: the module's class as another
   * module imports it.
   */
  fileClass(name: string, at?: Stmt): Stmt | undefined {
    if (at && at.scope !== 0 && this.bindingsIn(at.scope, name).length) return undefined;
    const mod = this.bindingsIn(0, name);
    return mod.length === 1 && mod[0].how === 'class' ? mod[0].stmt : undefined;
  }

  /** The `return` statements directly in a function scope (found once per scope: a file's every `self.f(…)` asks). */
  returnsIn(scope: number): Stmt[] {
    let returns = this.returns.get(scope);
    if (!returns) this.returns.set(scope, (returns = this.stmts.filter((s) => s.scope === scope && s.word === 'return' && s.p.kind === 'return')));
    return returns;
  }

  /** Every binding of `key` in `scope`. */
  bindingsIn(scope: number, key: string): readonly Binding[] {
    this.ensureIn(lastSegment(key), scope);
    return this.scopes.get(scope)?.get(key) ?? [];
  }

  /** The object a name or `self.x` refers to at `at`, for loss and activation objects (criteria, modules). */
  objectBinding(e: Expr, at: Stmt, depth = 0): Binding | undefined {
    const key = dotted(e);
    return key === undefined ? undefined : this.objectBindingOf(key, at, depth);
  }

  /** objectBinding for a name or `self.x` written out. */
  objectBindingOf(key: string, at: Stmt, depth = 0): Binding | undefined {
    if (this.isDeclaredOutside(key)) return undefined;
    const local = this.reaching(key, at);
    // A parameter of a module-level function: the object every call passes for it, when they agree.
    if (local && local.how === 'param' && depth < 2) return this.argumentBinding(local, depth) ?? local;
    if (local) return this.objectBehind(local, depth);
    // A name the statement binds for itself (a comprehension's target) is not looked for further out.
    if (this.bindsInside(at, key)) return undefined;
    // Bindings in branches that all keep one object (`criterion = nn.NLLLoss()`, then `if cuda: criterion =
    // criterion.cuda()`): that object.
    const all = depth < 3 ? this.reachingAll(key, at) : undefined;
    if (all && all.length > 1) {
      const first = this.objectBehind(all[0], depth);
      if (first !== all[0] && all.every((b) => b === first || this.objectBehind(b, depth) === first)) return first;
    }
    if (key.startsWith('self.') && at.cls !== undefined && key.indexOf('.', 5) < 0) {
      const b = this.instanceAttribute(at.cls, key.slice(5));
      // `self.criterion = criterion` (a parameter of `__init__`, or a name bound to the object), `self.model =
      // model.to(device)`: that object.
      const v = b?.value && withoutPassMethods(b.value);
      if (b && v && v.k === 'name' && depth < 2) return this.objectBindingOf(v.name, b.stmt, depth + 1) ?? b;
      return b;
    }
    if (at.scope !== 0 && !key.includes('.') && !this.bindingsIn(at.scope, key).length) {
      // In a closure, a function around it that binds the name (or takes it as a parameter) comes first: not followed.
      for (let up = this.scopeParents.get(at.scope); up !== undefined && up !== 0; up = this.scopeParents.get(up)) {
        if (this.bindingsIn(up, key).length) return undefined;
      }
      // A module-level object used inside a function: the last module binding before the function.
      const mod = this.bindingsIn(0, key);
      if (mod.length === 1) return mod[0];
    }
    return undefined;
  }

  /**
   * The object binding `b` gives its name when its value is another name's object through value-keeping
   * methods (`model = model.to(device)`, `criterion = criterion.cuda()`, `net = model.float()`: a module's
   * `.to()`, `.cuda()` … return the module itself), as it is (`net = model`), or wrapped by a wrapper whose
   * output is the module's (`model = nn.DataParallel(model)`): that name's object where `b` is, when known
   * (a few hops at most); else `b`.
   */
  objectBehind(b: Binding, depth = 0): Binding {
    if (b.how !== 'assign' || !b.value || depth >= 3) return b;
    let inner = withoutPassMethods(b.value);
    // A wrapper whose output is its module's (`model = nn.DataParallel(model).cuda()`, DDP, torch.compile).
    if (inner.k === 'call' && inner.args.length && !inner.args[0].name && !inner.args[0].star && MODULE_WRAPPERS.has(this.qualify(inner.fn) ?? '')) {
      inner = withoutPassMethods(inner.args[0].value);
    }
    const key = inner.k === 'name' || inner.k === 'attr' ? dotted(inner) : undefined;
    if (key === undefined) return b;
    // `net = model.to(device)` then `model.append(…)` or `del model[-1]`: the object net shares changed after.
    if (key !== b.key && this.bindingsIn(b.stmt.scope, key).some((x) => x.stmt.index > b.stmt.index)) return b;
    return this.objectBindingOf(key, b.stmt, depth + 1) ?? b;
  }

  /**
   * The one object attribute `attr` of class `cls` holds (`self.attr`), read from every method:
   * only when every assignment of it is the same object, written the same way
   * (`nn.Sequential(…, nn.Softmax(dim=1))` in one branch and `nn.Sequential(…)` in the other are
   * not), and nothing changes it in place (`self.head.append(…)`, `del self.head[-1]`). The answer
   * is the same from every method of the class: worked out once per class and attribute.
   */
  private instanceAttribute(cls: number, attr: string): Binding | undefined {
    let known = this.instanceAttributes.get(cls);
    if (!known) this.instanceAttributes.set(cls, (known = new Map()));
    let found = known.get(attr);
    if (found === undefined) {
      this.ensure(attr);
      const list = this.classAttrs.get(cls)?.get(attr) ?? [];
      found = null;
      if (list.length && list.every((b) => b.value) && !this.assignedOnOtherObject(attr)) {
        // Written the same way but for value-keeping methods (`nn.BCELoss().cuda()` in the GPU branch, `nn.BCELoss()` in the other).
        const text = (b: Binding) => {
          const v = withoutPassMethods(b.value!);
          return this.text(b.stmt, v.t0, v.t1).replace(/\s+/g, '');
        };
        const first = text(list[0]);
        if (list.every((b) => text(b) === first)) found = list[0];
      }
      known.set(attr, found);
    }
    return found ?? undefined;
  }

  /**
   * Whether some statement assigns attribute `attr` of an object other than `self` (`trainer.criterion =
   * nn.MSELoss()`, `net.fc = nn.Linear(512, 10)`): the instance may not hold what its class gave it.
   */
  private assignedOnOtherObject(attr: string): boolean {
    let known = this.otherObjectAttributes.get(attr);
    if (known === undefined) {
      known = false;
      // The attribute's token is followed by `=`: a statement where it is not called.
      scan: for (const s of this.statementsNaming([attr], true)) {
        for (let i = 2; i + 1 < s.length; i++) {
          if (s.isName(i, attr) && s.isOp(i - 1, '.') && s.isOp(i + 1, '=') && !(s.isName(i - 2, 'self') && !s.isOp(i - 3, '.'))) {
            known = true;
            break scan;
          }
        }
      }
      this.otherObjectAttributes.set(attr, known);
    }
    return known;
  }

  /** Every call of the program (nested ones included) with its statement, in order (reads every statement). */
  get calls(): readonly { call: CallExpr; stmt: Stmt }[] {
    if (!this.allCalls) {
      this.allCalls = callsIn(this.stmts);
    }
    return this.allCalls;
  }

  /**
   * How many assignments a `self.x` key has in the class of `at` (`self.loss = nn.BCELoss().cuda()` in one
   * branch, `nn.BCELoss()` in the other: 2); 1 for any other key (a name reaches from one binding).
   */
  attributeAssignments(key: string, at: Stmt): number {
    if (!key.startsWith('self.') || at.cls === undefined) return 1;
    const attr = key.slice(5);
    this.ensure(attr);
    return this.classAttrs.get(at.cls)?.get(attr)?.length ?? 0;
  }

  /** How many calls have `key` (`criterion`, `self.loss_fn`) as their callee. */
  callsTo(key: string): number {
    let n = this.calleeCounts.get(key);
    if (n === undefined) {
      n = 0;
      // Such a call has the key's last name as a token.
      for (const stmt of this.statementsCalling([lastSegment(key)])) for (const call of stmt.calls) if (dotted(unwrap(call.fn)) === key) n++;
      this.calleeCounts.set(key, n);
    }
    return n;
  }

  /** The fully qualified library symbol a dotted name stands for, or undefined (local names included). */
  qualify(e: Expr): string | undefined {
    // Memoised on the node itself (a WeakMap of tens of thousands of nodes costs the garbage collector
    // more), for this program: a node kept in the parse cache is read again by the next lint's program.
    // The program's number, not the program: a cached node must not keep a finished program alive.
    const memo = e as Expr & { qualified?: string; qualifiedIn?: number };
    if (memo.qualifiedIn === this.serial) return memo.qualified;
    const q = this.qualifyUncached(e);
    memo.qualified = q;
    memo.qualifiedIn = this.serial;
    return q;
  }

  private qualifyUncached(e: Expr): string | undefined {
    const d = dotted(unwrap(e));
    return d ? this.qualifyDotted(d) : undefined;
  }

  /** qualify for a dotted name written out (`tf.keras.Model`). */
  qualifyDotted(d: string): string | undefined {
    // The answer depends on the dotted name alone (the name's bindings are complete once it is
    // ensured): the hundredth `F.softmax` of a file is looked up, not worked out.
    if (this.qualifiedNames.has(d)) return this.qualifiedNames.get(d);
    const q = this.qualifyName(d);
    this.qualifiedNames.set(d, q);
    return q;
  }

  private qualifyName(d: string): string | undefined {
    const dot = d.indexOf('.');
    const head = dot < 0 ? d : d.slice(0, dot);
    const rest = dot < 0 ? '' : d.slice(dot);
    let base = this.imports.names.get(head);
    this.ensure(head);
    if (base === undefined) {
      if (this.locallyBound.has(head)) return undefined;
      base = CONVENTIONAL[head];
      if (base === undefined) {
        for (const m of this.imports.stars) {
          // `from torch.nn.functional import *` — a bare name from a star import.
          if (dot < 0 && STAR_NAMES.has(`${m}.${d}`)) return normalize(`${m}.${d}`);
        }
        return undefined;
      }
    } else if (this.locallyBound.has(head) && !this.bindingsIn(0, head).some((b) => b.how === 'import')) return undefined;
    return normalize(base + rest);
  }

  /** Source text between two token positions (line breaks as `\n`). */
  text(s: Stmt, t0: number, t1: number): string {
    if (t0 < 0 || t1 - 1 >= s.length || t1 <= t0) return '';
    const { tape } = s;
    const a = s.from + t0;
    const b = s.from + t1 - 1;
    const src = this.cells[s.cell];
    const text = typeof src === 'string' ? src.slice(tape.starts[a], tape.ends[b]) : '';
    return tape.lines[a] === tape.endLines[b] ? text : text.replace(/\r\n?/g, '\n');
  }

  /** Whether the statement has the name token `name`. */
  mentionsName(s: Stmt, name: string): boolean {
    const sym = this.symbols.ids.get(name);
    if (sym === undefined) return false;
    const { tape, from, length } = s;
    for (let i = from; i < from + length; i++) if (tape.syms[i] === sym && tape.kinds[i] === K_NAME) return true;
    return false;
  }
}

/** Index of a simple statement's last top-level `=` (or augmented assignment, or annotation `:`), or -1. */
function lastAssignment(s: Stmt, marks: SymbolMarks): number {
  let depth = 0;
  let last = -1;
  // Read from the tape's arrays: this runs on every statement of the file.
  const { tape, from } = s;
  for (let i = 0; i < s.length; i++) {
    if (tape.kinds[from + i] !== K_OP) continue;
    const m = marks.of(tape.syms[from + i]);
    if (m & OPEN) depth++;
    else if (m & CLOSE) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0 && m & ASSIGN) last = i;
  }
  return last;
}

/**
 * Whether the name token at `i` of a simple statement may be (the last name of) a key the
 * statement binds, read from the tokens without parsing: before the statement's last top-level
 * assignment (or a `for` header's `in`) and not followed by `.`, after `as`, before `:=`, or the
 * receiver of an in-place method (`name.add_(…)`). Imports may bind any of their names (a def's
 * name and parameters are bound when it is read). A false answer is certain; bindTargets decides
 * the rest. `next`: the marks of the operator after the name (0 when the next token is no operator).
 */
function mayBindAt(s: Stmt, i: number, lastAssign: number, next: number, marks: SymbolMarks): boolean {
  const { kinds, syms } = s.tape;
  // An attribute access: `.` and a name (malformed code, `model..layers = …`, may be read as binding `model`).
  const dot = (next & DOT) !== 0 && i + 2 < s.length && kinds[s.from + i + 2] === K_NAME;
  // `name.attr = v` binds `name.attr`, whose last name is `attr`, not `name`.
  if (i < lastAssign && !dot) return true;
  const texts = s.tape.symbols.texts;
  const at = s.from + i;
  if (i > 0 && kinds[at - 1] === K_NAME && marks.of(syms[at - 1]) & AS) return true;
  // The argument of a torch in-place function (`torch.log_(p)`), or a call's `out=p`.
  if (i > 1 && kinds[at - 1] === K_OP && kinds[at - 2] === K_NAME) {
    const before = marks.of(syms[at - 1]);
    if (before & LPAREN && marks.of(syms[at - 2]) & IN_PLACE) return true;
    if (texts[syms[at - 1]] === '=' && texts[syms[at - 2]] === 'out') return true;
  }
  // `p.data = …`, `p.data[…] = …`, `p.data.copy_(…)` change p.
  if (dot && i + 2 < s.length && kinds[at + 2] === K_NAME && texts[syms[at + 2]] === 'data') return true;
  if (next === 0) return false;
  if (next & WALRUS) return true;
  if (!dot || i + 2 >= s.length || kinds[at + 2] !== K_NAME || !(marks.of(syms[at + 2]) & IN_PLACE)) return false;
  return i + 3 < s.length && kinds[at + 3] === K_OP && (marks.of(syms[at + 3]) & LPAREN) !== 0;
}

/**
 * The names a `case` header's pattern captures: bare names that are not a class (followed by `(`),
 * a dotted constant (next to `.`), a keyword of a class pattern (followed by `=`), `_`, or the guard's
 * (after `if`). Read from the tokens.
 */
function captureNames(s: Stmt): string[] {
  const out: string[] = [];
  for (let i = 1; i < s.length; i++) {
    if (s.isName(i, 'if')) break;
    if (s.kind(i) !== 'name') continue;
    const name = s.text(i)!;
    if (name === '_' || name === 'as' || RESERVED_WORDS.has(name)) continue;
    if (s.isOp(i + 1, '(') || s.isOp(i + 1, '.') || s.isOp(i - 1, '.') || s.isOp(i + 1, '=')) continue;
    out.push(name);
  }
  return out;
}

/** Index of the `in` that ends a `for` header's target (targets come before it), or -1 for any other statement. */
function forTargetEnd(s: Stmt): number {
  const k = s.text(0) === 'async' ? 1 : 0;
  if (s.text(k) !== 'for') return -1;
  let depth = 0;
  for (let i = k + 1; i < s.length; i++) {
    const kind = s.kind(i);
    if (kind === 'op') {
      const x = s.text(i);
      if (x === '(' || x === '[' || x === '{') depth++;
      else if (x === ')' || x === ']' || x === '}') depth = depth > 0 ? depth - 1 : 0;
    } else if (depth === 0 && kind === 'name' && s.text(i) === 'in') return i;
  }
  return -1;
}

/**
 * Adds `b` to the list of `key`, after the bindings of earlier or the same statements (bindings are
 * made lazily, out of order). A new list starts at its size (most keys are bound once per scope,
 * and a push into an empty array would reserve 17 places), made by Array.of: as a literal `[b]`,
 * 99% of the lists were pretenured (see the note in ./expr.ts) and held their bindings' trees.
 */
function addInOrder(lists: Map<string, Binding[]>, key: string, b: Binding): void {
  const list = lists.get(key);
  if (!list) {
    lists.set(key, Array.of(b));
    return;
  }
  let i = list.length;
  list.push(b);
  // Shifted by hand: splice would make an array of the removed (none) on every insertion.
  for (; i > 0 && list[i - 1].stmt.index > b.stmt.index; i--) list[i] = list[i - 1];
  list[i] = b;
}

/** The innermost `for`/`while` header whose body holds `use` (in its function and cell), if any. */
function loopAround(prog: Program, use: Stmt): Stmt | undefined {
  let ind = use.indent;
  for (let k = use.index - 1; k >= 0 && ind > 0; k--) {
    const s = prog.stmts[k];
    if (s.cell !== use.cell) break;
    if (s.indent >= ind) continue;
    if (s.declares === 'def' || s.declares === 'class') return undefined;
    // `word` (no token read): only `async` needs its second token.
    const w = s.word;
    if (w === 'for' || w === 'while' || (w === 'async' && s.text(1) === 'for')) return s;
    ind = s.indent;
  }
  return undefined;
}

/** Whether `later` (after the loop's header) is inside the body of `loop`. */
function insideLoopBody(prog: Program, loop: Stmt, later: Stmt): boolean {
  for (let k = loop.index + 1; k <= later.index; k++) if (prog.stmts[k].indent <= loop.indent) return false;
  return true;
}

/** `e` without value-keeping methods around it (`outputs.view(-1, C).float()` → `outputs`, `Net().to(device)` → `Net()`). */
export function withoutPassMethods(e: Expr): Expr {
  let x = unwrap(e);
  while (x.k === 'call' && x.fn.k === 'attr' && PASS_METHODS.has(x.fn.name)) x = unwrap(x.fn.obj);
  return x;
}

/**
 * Whether the name at `i`, followed by closing brackets, may be called in parentheses: `(nn.CrossEntropyLoss)(out, y)`
 * (the brackets then a `(`). Also true of `f(x)(y)`'s `x`: the index only has to include every called name.
 */
function calledInParens(s: Stmt, i: number, marks: SymbolMarks): boolean {
  const { tape, from, length } = s;
  let k = i + 1;
  while (k < length && tape.kinds[from + k] === K_OP && marks.of(tape.syms[from + k]) & CLOSE) k++;
  return k < length && tape.kinds[from + k] === K_OP && (marks.of(tape.syms[from + k]) & LPAREN) !== 0;
}

/** The name a `def` (or `async def`) header defines. */
export function defName(header: Stmt): string | undefined {
  return header.text(header.isName(0, 'async') ? 2 : 1);
}

/** Methods that keep a tensor's values (and so what kind of values they are). */
/** Wrappers whose output is the output of the module they are given first (data-parallel training, compilation). */
const MODULE_WRAPPERS = new Set(['torch.nn.DataParallel', 'torch.nn.parallel.DataParallel', 'torch.nn.parallel.DistributedDataParallel', 'torch.compile']);

export const PASS_METHODS = new Set([
  'to', 'cuda', 'cpu', 'float', 'double', 'half', 'bfloat16', 'contiguous', 'view', 'reshape', 'permute', 'transpose',
  'squeeze', 'unsqueeze', 'flatten', 'detach', 'clone', 'type', 'view_as', 'reshape_as', 'type_as', 'requires_grad_',
]);

/** Names that `from <module> import *` brings that the lint cares about. */
const STAR_NAMES = new Set([
  'torch.nn.functional.softmax', 'torch.nn.functional.log_softmax', 'torch.nn.functional.sigmoid',
  'torch.nn.functional.cross_entropy', 'torch.nn.functional.nll_loss', 'torch.nn.functional.kl_div',
  'torch.nn.functional.binary_cross_entropy', 'torch.nn.functional.binary_cross_entropy_with_logits', 'torch.nn.functional.ctc_loss',
  'torch.nn.CrossEntropyLoss', 'torch.nn.NLLLoss', 'torch.nn.KLDivLoss', 'torch.nn.BCELoss', 'torch.nn.BCEWithLogitsLoss', 'torch.nn.CTCLoss',
  'torch.nn.Softmax', 'torch.nn.LogSoftmax', 'torch.nn.Sigmoid',
]);

/**
 * One spelling per symbol: the shared canonical path (src/python/symbols.ts: `tensorflow.keras.` →
 * `keras.`, `optax.losses.` → `optax.`, `torch.nn.modules.loss.` → `torch.nn.`, …), then `tensorflow.` →
 * `tf.`, torch's and torchvision's module files and Keras's `layers.core` / `models.Sequential` folded.
 */
export function normalize(symbol: string): string {
  let s = normalized.get(symbol);
  if (s === undefined) {
    if (normalized.size >= NORMALIZED_LIMIT) normalized.clear();
    normalized.set(symbol, (s = normalizeUncached(symbol)));
  }
  return s;
}

/** normalize's answers (a pure function of the text: files name the same few symbols again and again). */
const normalized = new Map<string, string>();
const NORMALIZED_LIMIT = 4096;

function normalizeUncached(symbol: string): string {
  let s = canonicalPath(symbol);
  if (s.startsWith('torch.nn.modules.')) s = 'torch.nn.' + s.slice(s.indexOf('.', 17) + 1);
  if (s.startsWith('torchvision.ops.') && s.split('.').length > 3) s = 'torchvision.ops.' + s.slice(s.lastIndexOf('.') + 1);
  if (s.startsWith('tensorflow.')) s = 'tf.' + s.slice(11);
  if (s.startsWith('tf.keras.')) s = s.slice(3);
  if (s.startsWith('keras.layers.core.')) s = 'keras.layers.' + s.slice(18);
  if (s.startsWith('keras.models.Sequential') || s.startsWith('keras.models.Model')) s = 'keras.' + s.slice(13);
  return s;
}

/**
 * Each simple target of an assignment: `x`, `self.x` (direct), or the names of a tuple target; a
 * name of a flat tuple of names (`recon, mu, logvar = …`, no `*rest`) with its place (`element`).
 */
function targetKeys(t: Expr): { key: string; direct: boolean; element?: number }[] {
  const d = dotted(t);
  if (d !== undefined) return [{ key: d, direct: true }];
  if (t.k === 'other' || (t.k === 'group' && (t.bracket === '(' || t.bracket === '['))) {
    const out: { key: string; direct: boolean; element?: number }[] = [];
    const flat = t.items.every((x) => dotted(x) !== undefined);
    t.items.forEach((x, i) => {
      for (const k of targetKeys(x)) out.push({ key: k.key, direct: false, element: flat ? i : undefined });
    });
    return out;
  }
  if (t.k === 'sub') {
    // `x[i] = v` changes x.
    const o = dotted(t.obj);
    return o ? [{ key: o, direct: false }] : [];
  }
  return [];
}
