/** Each reliability test prints what it tried, as one line the README's Reliability figures are read from. */
export const corpusFigures = {
  add(what: string, count: number): void {
    console.log(`reliability: ${count} ${what}`);
  },
};
