// @observablehq/runtime 6 ships no types. These cover the part the cells use: one Runtime, one
// Module per page, variables with an observer (pending / fulfilled / rejected) and redefinition.
declare module '@observablehq/runtime' {
  export interface Observer<T = unknown> {
    pending?(): void;
    fulfilled?(value: T, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }

  export type Definition = (...inputs: any[]) => unknown;

  export class Variable {
    define(name: string | null, inputs: readonly string[], definition: Definition): this;
    define(name: string | null, definition: Definition): this;
    define(inputs: readonly string[], definition: Definition): this;
    define(definition: Definition): this;
    import(remote: string, name: string, module: Module): this;
    import(name: string, module: Module): this;
    delete(): this;
  }

  export class Module {
    define(name: string | null, inputs: readonly string[], definition: Definition): Variable;
    define(name: string | null, definition: Definition): Variable;
    redefine(name: string, inputs: readonly string[], definition: Definition): Variable;
    redefine(name: string, definition: Definition): Variable;
    variable(observer?: Observer | boolean, options?: { shadow?: Record<string, Definition> }): Variable;
    value(name: string): Promise<unknown>;
    builtin(name: string, value: unknown): void;
    import(): Variable;
  }

  export class Runtime {
    constructor(builtins?: Record<string, Definition>, global?: (name: string) => unknown);
    module(): Module;
    module(define: (runtime: Runtime, observer: (name?: string) => Observer) => void, observer?: (name?: string) => Observer): Module;
    dispose(): void;
  }

  export class RuntimeError extends Error {
    constructor(message: string, input?: string);
    input?: string;
  }
}
