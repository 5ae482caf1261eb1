export declare function binNodeOptions(): string[];
