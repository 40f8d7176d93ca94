package fr.ars.coord.console.web;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, word by word (longest common subsequence): the stale communiqué's words that the
 * correction dropped, and the ones it added. Communiqués are a few hundred words; texts beyond 3000 words are
 * compared whole rather than word by word.
 */
public final class WordDiff {

    public enum Kind {
        SAME,
        REMOVED,
        ADDED
    }

    public record Part(Kind kind, String text) {
        public boolean same() {
            return kind == Kind.SAME;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    private static final int MAX_WORDS = 3000;

    private WordDiff() {}

    static List<Part> between(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            return List.of(new Part(Kind.REMOVED, before), new Part(Kind.ADDED, after));
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                add(parts, Kind.SAME, a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                // what the correction dropped comes before what it put in its place
                add(parts, Kind.REMOVED, a[i++]);
            } else {
                add(parts, Kind.ADDED, b[j++]);
            }
        }
        return parts;
    }

    private static void add(List<Part> parts, Kind kind, String word) {
        if (!parts.isEmpty() && parts.get(parts.size() - 1).kind() == kind) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part(kind, last.text() + " " + word));
        } else {
            parts.add(new Part(kind, word));
        }
    }

    private static String[] words(String text) {
        return text == null || text.isBlank() ? new String[0] : text.strip().split("\\s+");
    }
}
