package dev.deferfix.fix;

import java.util.Set;

/** Go's predeclared identifiers (the universe block), by what they are. */
final class PredeclaredNames {
    private static final Set<String> FUNCTIONS = Set.of("append", "cap", "clear", "close", "complex", "copy",
            "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover");
    private static final Set<String> CONSTANTS = Set.of("true", "false", "iota", "nil");
    private static final Set<String> TYPES = Set.of("any", "bool", "byte", "comparable", "complex64", "complex128",
            "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint",
            "uint8", "uint16", "uint32", "uint64", "uintptr");

    private PredeclaredNames() {
    }

    /** A builtin function or constant: no variable. */
    static boolean isFunctionOrConstant(String name) {
        return FUNCTIONS.contains(name) || CONSTANTS.contains(name);
    }

    /** A builtin function or type: called, it is a builtin or a conversion. */
    static boolean isFunctionOrType(String name) {
        return FUNCTIONS.contains(name) || TYPES.contains(name);
    }
}
