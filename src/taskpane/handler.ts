/** A callback prop. Parameter names live in the tuple type so .tsx files need none. */
export type Handler<A extends unknown[] = []> = (...args: A) => void;
