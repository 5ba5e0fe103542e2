package dev.deferfix.find;

import dev.deferfix.parse.SourceText;

/** A 1-based line and byte column, as Go's tools print them. */
public record Position(int line, int column) implements Comparable<Position> {

    public static Position of(SourceText source, int offset) {
        return new Position(source.line(offset), source.byteColumn(offset));
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
