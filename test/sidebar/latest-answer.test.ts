import { latestAnswer } from '../../src/sidebar/latest-answer';

// Only the answer to the last question counts, whatever order the answers come in: the browser
// tests hold real answers back (test/browser/*: "late"); this pins the rule itself.
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('latestAnswer', () => {
  test('an earlier answer arriving after a later one is not handed on', async () => {
    const answers = latestAnswer();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    void answers.ask(first.promise).then((v) => seen.push(v));
    void answers.ask(second.promise).then((v) => seen.push(v));
    second.resolve('J002');
    first.resolve('J001');
    await settle();
    expect(seen).toEqual(['J002']);
  });

  test('a superseded failure is not handed on either, and a later failure is', async () => {
    const answers = latestAnswer();
    const first = deferred<string>();
    const second = deferred<string>();
    const seen: string[] = [];
    answers.ask(first.promise).catch(() => seen.push('first failed'));
    answers.ask(second.promise).catch(() => seen.push('second failed'));
    first.reject(new Error('unreachable'));
    second.reject(new Error('unreachable'));
    await settle();
    expect(seen).toEqual(['second failed']);
  });

  test('drop: the question asked before it is answered no more; one asked after it is', async () => {
    const answers = latestAnswer();
    const before = deferred<string>();
    const after = deferred<string>();
    const seen: string[] = [];
    void answers.ask(before.promise).then((v) => seen.push(v));
    answers.drop();
    before.resolve('M001');
    void answers.ask(after.promise).then((v) => seen.push(v));
    after.resolve('M003');
    await settle();
    expect(seen).toEqual(['M003']);
  });
});
