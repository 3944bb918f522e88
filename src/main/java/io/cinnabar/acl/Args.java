package io.cinnabar.acl;

import io.cinnabar.resp.Argv;
import io.cinnabar.resp.InlineSplitter;
import java.util.ArrayList;
import java.util.List;

/** Argument splitting as acl.c does it: sdssplitargs, and selectors spread over several arguments. */
final class Args {
    private Args() {}

    /** sdssplitargs; an empty list on unbalanced quotes. */
    static List<String> split(String s) {
        Argv argv = new Argv();
        List<String> out = new ArrayList<>();
        if (!InlineSplitter.split(Latin1.bytes(s), argv)) return out;
        for (int i = 0; i < argv.size(); i++) out.add(Latin1.str(argv.get(i)));
        return out;
    }

    /**
     * ACLMergeSelectorArguments: joins "(+get" "~key)" into "(+get ~key)". Throws with the index of
     * the argument that opened an unmatched parenthesis.
     */
    static List<String> mergeSelectors(List<String> ops) throws UnmatchedParenthesis {
        List<String> out = new ArrayList<>(ops.size());
        StringBuilder selector = null;
        int open = -1;
        for (int j = 0; j < ops.size(); j++) {
            String op = ops.get(j);
            if (op.startsWith("(") && !op.endsWith(")")) {
                selector = new StringBuilder(op);
                open = j;
                continue;
            }
            if (open != -1) {
                selector.append(' ').append(op);
                if (op.endsWith(")")) {
                    open = -1;
                    out.add(selector.toString());
                }
                continue;
            }
            out.add(op);
        }
        if (open != -1) throw new UnmatchedParenthesis(open);
        return out;
    }

    static final class UnmatchedParenthesis extends Exception {
        final int index;

        UnmatchedParenthesis(int index) {
            super(null, null, false, false);
            this.index = index;
        }
    }
}
