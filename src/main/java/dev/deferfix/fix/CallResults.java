package dev.deferfix.fix;

import dev.deferfix.parse.NodeKind;
import dev.deferfix.parse.SyntaxNode;
import dev.deferfix.parse.WhiteSpace;
import java.util.List;
import java.util.Set;

/**
 * Whether the result of a call may keep a value passed to it. Without types
 * that cannot be known, so a result keeps its arguments
 * ({@code bufio.NewScanner(f)}, {@code io.TeeReader(f, w)}, {@code T(f)},
 * {@code l.PushBack(f)}) unless the callee is one of the standard functions
 * that only read or format their arguments, or a method is called on the
 * result ({@code json.NewDecoder(f).Decode(&v)} yields Decode's result).
 */
final class CallResults {
    private static final Set<String> READ_ONLY = Set.of(
            "len", "cap", "copy", "print", "println",
            "io.ReadAll", "ioutil.ReadAll", "io.Copy", "io.CopyN", "io.CopyBuffer", "io.ReadFull",
            "io.ReadAtLeast", "io.WriteString",
            "fmt.Print", "fmt.Printf", "fmt.Println", "fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
            "fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln", "fmt.Fscan", "fmt.Fscanf", "fmt.Fscanln",
            "fmt.Errorf", "errors.Is", "errors.As", "reflect.DeepEqual");

    private CallResults() {
    }

    /**
     * Whether the value of {@code primary}, read up to the end of its chain,
     * may keep what was passed in {@code arguments} (one of its suffixes).
     */
    static boolean keepArgument(SyntaxNode primary, SyntaxNode arguments) {
        SyntaxNode call = arguments.parent();
        String callee = WhiteSpace.removed(primary.source().text().substring(primary.start(), call.start()));
        return !calledAfter(primary, call) && !READ_ONLY.contains(callee);
    }

    /** Whether a call follows {@code part} in the chain {@code primary}: then the chain's value is that call's result. */
    static boolean calledAfter(SyntaxNode primary, SyntaxNode part) {
        List<SyntaxNode> parts = primary.children();
        for (int i = parts.indexOf(part) + 1; i < parts.size(); i++) {
            if (parts.get(i).is(NodeKind.SUFFIX) && parts.get(i).firstChild(NodeKind.ARGUMENTS) != null) {
                return true;
            }
        }
        return false;
    }
}
