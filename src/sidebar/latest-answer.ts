// A panel that asks the server again for the same view (a member, then a month, then 表示; a
// search box typed into; another job or session chosen) draws only the answer to its last
// question. google.script.run answers neither quickly nor in order, and an earlier answer
// arriving late would redraw the view: it wiped the hours or the profile being typed, or showed
// the job or the session chosen before. Writes are not asked through this: each save's answer
// is shown.
export interface LatestAnswer {
  /** `answer` as it settles while no later question was asked here (and `drop` not called); else
   *  never, so a superseded question's handlers, its `finally` included, do not run: whatever
   *  they would undo (a button disabled while asking), the later question undoes. */
  ask<T>(answer: Promise<T>): Promise<T>;
  /** The questions asked so far are answered no more: the view they were for is gone. */
  drop(): void;
}

export function latestAnswer(): LatestAnswer {
  let asked = 0;
  return {
    ask<T>(answer: Promise<T>): Promise<T> {
      const mine = ++asked;
      return new Promise<T>((resolve, reject) => {
        answer.then((value) => { if (mine === asked) resolve(value); }, (error: unknown) => { if (mine === asked) reject(error); });
      });
    },
    drop(): void {
      asked += 1;
    },
  };
}
