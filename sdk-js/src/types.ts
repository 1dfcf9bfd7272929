/** The loaded links map: link name → properties (or, on Workers, a binding object). */
export type Links = Record<string, unknown>;
