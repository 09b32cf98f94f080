// Types of scripts/gen-wasm.mjs for the TypeScript tests that import it.
export declare function compileWat(path: string): Promise<Uint8Array>;
export declare function wasmModuleSource(watName: string, bytes: Uint8Array): string;
export declare function generatedModules(): Promise<Array<{ path: string; source: string }>>;
