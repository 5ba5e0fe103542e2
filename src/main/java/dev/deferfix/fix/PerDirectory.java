package dev.deferfix.fix;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One value per directory, made on first use and kept for the run: what the
 * other files of a package say, read once however many loops ask. Two
 * threads may both make it the first time; the first one stored is kept.
 * (No computeIfAbsent: its lambda costs a one-file run start-up time.)
 */
abstract class PerDirectory<T> {
    private final Map<Path, T> values = new ConcurrentHashMap<>();

    T of(Path directory) {
        T value = values.get(directory);
        if (value == null) {
            T made = make(directory);
            value = values.putIfAbsent(directory, made);
            value = value == null ? made : value;
        }
        return value;
    }

    /** What {@code directory} (absolute) holds. */
    abstract T make(Path directory);
}
