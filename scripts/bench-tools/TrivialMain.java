/**
 * The start-up floor for scripts/bench: a Java program that does nothing but
 * print one line, started with the same JVM and flags as defer-fix, so a
 * one-file defer-fix run can be compared with the JVM's own start-up.
 */
public final class TrivialMain {
    public static void main(String[] args) {
        System.out.println("trivial");
    }
}
