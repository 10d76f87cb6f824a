package io.bulwark.seccomp;

import java.util.List;

/**
 * The binary search over a section's intervals, shaped to minimise the expected number of
 * comparisons: an optimal alphabetic tree over the intervals weighted by how many syscall
 * numbers each holds (Knuth's dynamic programme with his monotone-root bound, O(n²)).
 * Uniform weights would give the plain balanced tree; weighting by size puts the long
 * allowed ranges near the root.
 */
final class SearchTree {
    /** A subtree over intervals {@code first..last}; a leaf when they are equal. */
    record Node(int first, int last, Node below, Node atOrAbove, long bound) {
        boolean leaf() {
            return below == null;
        }
    }

    private SearchTree() {
    }

    static Node build(List<Interval> intervals, double[] weights) {
        int n = intervals.size();
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + weights[i];
        }
        double[][] cost = new double[n][n];
        int[][] root = new int[n][n];
        for (int i = 0; i < n; i++) {
            root[i][i] = i;
        }
        for (int len = 2; len <= n; len++) {
            for (int i = 0; i + len - 1 < n; i++) {
                int j = i + len - 1;
                // the split r puts i..r-1 below the bound and r..j at or above it
                int lo = Math.max(i + 1, len == 2 ? i + 1 : root[i][j - 1]);
                int hi = Math.min(j, len == 2 ? j : root[i + 1][j]);
                double best = Double.MAX_VALUE;
                int bestR = lo;
                for (int r = lo; r <= hi; r++) {
                    double c = cost[i][r - 1] + cost[r][j];
                    if (c < best) {
                        best = c;
                        bestR = r;
                    }
                }
                cost[i][j] = best + prefix[j + 1] - prefix[i];
                root[i][j] = bestR;
            }
        }
        return node(intervals, root, 0, n - 1);
    }

    private static Node node(List<Interval> intervals, int[][] root, int i, int j) {
        if (i == j) {
            return new Node(i, i, null, null, 0);
        }
        int r = root[i][j];
        return new Node(i, j, node(intervals, root, i, r - 1), node(intervals, root, r, j), intervals.get(r).lo());
    }

    /** The weight of each interval: its numbers up to the highest known syscall, x32's at a thousandth. */
    static double[] weights(List<Interval> intervals, List<ArchPolicy> section) {
        double[] w = new double[intervals.size()];
        for (int i = 0; i < w.length; i++) {
            Interval iv = intervals.get(i);
            double sum = 1e-6;
            for (ArchPolicy p : section) {
                long first = p.arch() == Arch.X32 ? Arch.X32_SYSCALL_BIT : 0;
                long last = Integer.toUnsignedLong(SyscallTable.of(p.arch()).highest());
                long overlap = Math.min(last, iv.hi()) - Math.max(first, iv.lo()) + 1;
                if (overlap > 0) {
                    sum += overlap * (p.arch() == Arch.X32 ? 1e-3 : 1.0);
                }
            }
            w[i] = sum;
        }
        return w;
    }
}
