// Only what the benchmark's peer entries use: gmail-js ships a global declaration file that
// is not a module, and jQuery none.
declare module 'gmail-js' {
  export const Gmail: new (jquery: unknown) => { observe: { on(action: string, callback: () => void): void } };
}
declare module 'jquery' {
  const jQuery: unknown;
  export default jQuery;
}
