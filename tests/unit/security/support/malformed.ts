import fc from 'fast-check';
import { z } from 'zod';
import { callNames, isCallName } from '../../../../src-shared/api';

/**
 * Generators of what a hostile or broken renderer could send: a call's valid example bent in one
 * to three places, or something that is not an input at all.
 */

type Key = string | number;

const HUGE_LATIN = 'a'.repeat(100_000);
const HUGE_HAN = '缴'.repeat(100_000);

function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = wrap(value);
  return value;
}

/** An object whose own (not inherited) property is `key`, even for '__proto__'. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const POLLUTERS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  withOwn({}, '__proto__', { polluted: 'yes' }),
  { prototype: { polluted: 'yes' } },
];

const BAD_STRINGS = [
  '',
  ' ',
  '\t\n',
  HUGE_LATIN,
  HUGE_HAN,
  "'; DROP TABLE payments; --",
  "1' OR '1'='1",
  '1; DELETE FROM bill_lines',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '2024-02-30',
  '2024-13-01',
  '2024-5-1',
  '0000-00-00',
  '2024-02',
  '\u0000',
  '\u202e1-2-3',
  '../../../etc/passwd',
  '%s%n%x',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  '１２３',
  '-0.01',
  '12.345',
];

const BAD_NUMBERS = [
  -1,
  -0,
  0,
  0.5,
  1.5,
  -0.01,
  1e-7,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

const BAD_SHAPES: unknown[] = [
  null,
  undefined,
  true,
  false,
  [],
  [null],
  [HUGE_LATIN],
  new Array(100_000).fill(1),
  {},
  { length: 1 },
  nested(5_000, (inner) => ({ a: inner })),
  nested(5_000, (inner) => [inner]),
  ...POLLUTERS,
];

/** Values only the IPC's structured clone carries (JSON cannot). */
const CLONE_ONLY: unknown[] = [BigInt(7), new Date(Number.NaN), new Date(0), new Map([['a', 1]]), new Set([1]), new Uint8Array([1, 2]), /x/g, new Error('x')];

/** In-range values: a bent payload keeps real ids so the parts that are right point at real rows. */
const LOOKS_VALID = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom('2024-05-15', '2024-05', '3-2-501', 'cash', '10.5', '张三'));

export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 4, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...BAD_SHAPES) },
  { weight: 1, arbitrary: fc.constantFrom(...CLONE_ONLY) },
  { weight: 2, arbitrary: LOOKS_VALID },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 40), max: 2 ** 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
      withSparseArray: true,
    }),
  },
);

const EXTRA_KEYS = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'isAdmin', 'role', 'userId', 'sessionId', 'permissions', 'approvedBy'),
  fc.constantFrom("'; DROP TABLE payments; --", '<script>alert(1)</script>', '', 'k'.repeat(10_000)),
  fc.string({ maxLength: 12 }),
);

type Mutation =
  | { kind: 'set'; path: Key[]; value: unknown }
  | { kind: 'delete'; path: Key[] }
  | { kind: 'extra'; path: Key[]; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'wrap' };

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function pathsOf(value: unknown, prefix: Key[] = []): Key[][] {
  const entries: Array<[Key, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : isRecord(value) ? Object.entries(value) : [];
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

/** The top-level fields a schema knows, so optional fields absent from the example get bent too. */
function shapeKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(shapeKeys))];
  if (schema instanceof z.ZodPipe) return shapeKeys(schema.in as z.ZodType);
  return [];
}

function nodeAt(root: unknown, path: Key[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

function apply(base: unknown, mutations: Mutation[]): unknown {
  let payload: unknown = structuredClone(base);
  for (const m of mutations) {
    if (m.kind === 'whole') payload = m.value;
    else if (m.kind === 'wrap') payload = [payload];
    else if (m.kind === 'extra') {
      const target = nodeAt(payload, m.path);
      if (isRecord(target)) withOwn(target, m.key, m.value);
    } else {
      const parent = nodeAt(payload, m.path.slice(0, -1));
      const key = m.path[m.path.length - 1]!;
      if (!isRecord(parent) && !Array.isArray(parent)) continue;
      if (m.kind === 'delete') delete (parent as Record<Key, unknown>)[key];
      else withOwn(parent as Record<string, unknown>, String(key), m.value);
    }
  }
  return payload;
}

/** A call's example input broken in one to three ways (the caller drops the rare one still valid). */
export function malformedInput(schema: z.ZodType, base: unknown): fc.Arbitrary<unknown> {
  const existing = pathsOf(base);
  const settable = [...existing, ...shapeKeys(schema).filter((k) => !isRecord(base) || !(k in base)).map((k) => [k])];
  const containers: Key[][] = [[], ...existing.filter((p) => isRecord(nodeAt(base, p)))];
  const mutation = fc.oneof(
    ...(settable.length > 0
      ? [
          { weight: 10, arbitrary: fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...settable), value: badValue }) },
          { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...settable) }) },
        ]
      : []),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('extra' as const), path: fc.constantFrom(...containers), key: EXTRA_KEYS, value: badValue }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: badValue }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
  ) as fc.Arbitrary<Mutation>;
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => apply(base, ms));
}

/** Names that are not calls: near misses of real ones, Object.prototype members, noise. */
export const unknownCallName: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'auth', 'users.delete', 'maintenance.dropAll', "'; DROP TABLE payments; --"),
    fc.constantFrom(...callNames).chain((n) =>
      fc.constantFrom(n.toUpperCase(), ` ${n}`, `${n} `, `${n}\u0000`, `${n}.x`, n.replace('.', '/'), n.replace('.', '..'), `${n}\u200b`),
    ),
    fc.string({ maxLength: 30 }),
  )
  .filter((n) => !isCallName(n));

/** Envelopes with no usable call name: not objects at all, or `call` missing, misspelt or not a string. */
export function brokenEnvelope(sessionId: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(null, undefined, 0, 42, NaN, 'auth.login', true, [], [{ call: 'auth.me', input: {} }], HUGE_LATIN, BigInt(1)),
    fc.record({ call: unknownCallName, input: badValue, sessionId }),
    fc.record({ call: fc.constantFrom<unknown>(null, 7, true, {}, ['auth.me'], { toString: 'auth.me' }, HUGE_LATIN), input: badValue, sessionId }),
    fc.record({ input: badValue, sessionId }),
    fc.constantFrom(...POLLUTERS),
  );
}

/** Supervisor credentials that are not credentials: wrong types, missing fields, not an object. */
export const malformedApproval: fc.Arbitrary<unknown> = fc
  .oneof(
    badValue,
    fc.record({ username: badValue, password: badValue }, { requiredKeys: [] }),
    fc.record({ username: fc.constantFrom('supervisor1', 'admin1', "' OR '1'='1"), password: badValue }),
  )
  .filter(breaksApprovalShape);

/**
 * True when no approval schema could read it as a username and a password, so the call it rides
 * on must be refused before anything runs. (Absent is not malformed: it means "no approval".)
 */
export function breaksApprovalShape(value: unknown): boolean {
  if (value === undefined) return false;
  if (!isRecord(value)) return true;
  return typeof value.username !== 'string' || typeof value.password !== 'string';
}
