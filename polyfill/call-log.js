// The log of settled ft calls (ftHost.calls()): a ring buffer, so recording a call is O(1) even
// when the log is full (a busy page makes thousands of calls a second).

export class CallLog {
  /** @param {number} limit  how many of the newest calls are kept */
  constructor(limit) {
    this.limit = limit;
    /** @type {import('./pipeline.js').CallRecord[]} */
    this.entries = [];
    this.next = 0;  // where the next entry goes once the buffer is full
  }

  /** @param {import('./pipeline.js').CallRecord} entry */
  push(entry) {
    if (this.entries.length < this.limit) {
      this.entries.push(entry);
      return;
    }
    this.entries[this.next] = entry;
    this.next = (this.next + 1) % this.limit;
  }

  /** Oldest first. @returns {import('./pipeline.js').CallRecord[]} */
  list() {
    return this.entries.slice(this.next).concat(this.entries.slice(0, this.next));
  }

  clear() {
    this.entries = [];
    this.next = 0;
  }
}
