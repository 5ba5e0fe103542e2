package dev.deferfix.fix;

import java.util.List;
import java.util.Set;

/**
 * What well-known calls do to what they are given, as the semaphore
 * strategy's independence check needs it without types: which only read
 * their arguments, which methods keep none of them (also for the escape
 * analysis), which builtins write into their first one, which methods
 * are a lock's, and which functions change state of the whole process.
 */
final class KnownCalls {
    /** Functions that only read their arguments. */
    private static final Set<String> READ_ONLY_CALLS = Set.of("fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
            "fmt.Errorf", "fmt.Print", "fmt.Printf", "fmt.Println", "log.Print", "log.Printf", "log.Println",
            "errors.Is", "errors.New", "len", "cap", "print", "println", "string", "reflect.DeepEqual",
            "bytes.Equal", "bytes.Compare", "bytes.Contains", "bytes.HasPrefix", "bytes.HasSuffix", "bytes.Index");
    /** Packages whose functions only read their arguments. */
    private static final List<String> READ_ONLY_PACKAGES = List.of("strings", "filepath", "path", "strconv",
            "unicode", "utf8");
    /**
     * Methods (by name, without types) that use their arguments only during
     * the call and keep none: io's Writer, StringWriter, ByteWriter,
     * ReaderFrom, WriterTo, Reader and ReaderAt contracts say so ("must not
     * retain p"), and bufio's and hash's methods of those names follow them;
     * the encoders' Encode and decoders' Decode; a template's Execute and
     * ExecuteTemplate, which write to the writer they get and return;
     * fmt-style printing of a logger; a test's Log, Error, Fatal and Skip and
     * their f forms.
     */
    private static final Set<String> METHODS_KEEPING_NO_ARGUMENT = Set.of("Write", "WriteString", "WriteByte",
            "WriteRune", "WriteAt", "ReadFrom", "WriteTo", "Read", "ReadAt", "Encode", "Decode", "Execute",
            "ExecuteTemplate", "Print", "Printf",
            "Println", "Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf", "Skip", "Skipf");
    /** Builtins that write into their first argument (append: into its backing array). */
    private static final Set<String> WRITING_BUILTINS = Set.of("delete", "clear", "close", "copy", "append");
    /** Methods of a lock: a body that takes one shares on purpose, under it. */
    private static final Set<String> LOCK_METHODS = Set.of("Lock", "Unlock", "RLock", "RUnlock", "TryLock",
            "TryRLock");
    /** Functions (by their last name) that change state of the whole process. */
    private static final Set<String> PROCESS_STATE_CALLS = Set.of("Setenv", "Unsetenv", "Clearenv", "Chdir", "Umask",
            "SetOutput", "SetFlags", "SetPrefix", "Seed", "GOMAXPROCS", "SetGCPercent", "SetMemoryLimit",
            "SetMaxThreads", "SetMaxStack");

    private KnownCalls() {
    }

    /** A function that only reads its arguments; a package counts when the file imports it under its own name. */
    static boolean readsOnlyArguments(String callee, Set<String> importNames) {
        if (READ_ONLY_CALLS.contains(callee)) {
            return true;
        }
        int dot = callee.indexOf('.');
        String qualifier = dot < 0 ? "" : callee.substring(0, dot);
        return READ_ONLY_PACKAGES.contains(qualifier) && importNames.contains(qualifier);
    }

    /** A method that uses its arguments only during the call ({@code w.Write(p)}, {@code t.Logf(...)}). */
    static boolean methodKeepsNoArgument(String method) {
        return METHODS_KEEPING_NO_ARGUMENT.contains(method);
    }

    /** delete, clear, close, copy or append: the builtins that write into their first argument. */
    static boolean writesFirstArgument(String callee) {
        return WRITING_BUILTINS.contains(callee);
    }

    static boolean isLockMethod(String method) {
        return LOCK_METHODS.contains(method);
    }

    /** os.Setenv, os.Chdir, log.SetOutput and the like, by the callee's last name. */
    static boolean changesProcessState(String lastName) {
        return PROCESS_STATE_CALLS.contains(lastName);
    }
}
