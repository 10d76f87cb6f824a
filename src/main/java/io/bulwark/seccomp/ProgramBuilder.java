package io.bulwark.seccomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles a BPF program from instructions whose jumps name labels. It tracks which
 * seccomp_data word the accumulator holds, so a load that would change nothing is left out,
 * and at the end it makes every jump fit: a conditional jump reaches 255 instructions, so a
 * farther one goes through a copy of the return it aims at (which costs nothing at run time)
 * or, for other targets, through an unconditional jump.
 */
final class ProgramBuilder {
    /** A place in the program, bound to the instruction emitted after {@link #place}. */
    static final class Label {
        private Slot target;
        private Integer loaded;
        private boolean reached;
        private boolean mixed;

        private void arrive(Integer word) {
            if (!reached) {
                reached = true;
                loaded = word;
            } else if (!Objects.equals(loaded, word)) {
                mixed = true;
            }
        }
    }

    /** An instruction while the program is built; jumps point at slots, not offsets. */
    private static final class Slot {
        final int code;
        final int k;
        Object whenTrue;
        Object whenFalse;

        Slot(int code, int k, Object whenTrue, Object whenFalse) {
            this.code = code;
            this.k = k;
            this.whenTrue = whenTrue;
            this.whenFalse = whenFalse;
        }
    }

    private static final Integer UNKNOWN = -1;

    private final List<Slot> slots = new ArrayList<>();
    private final List<Label> pending = new ArrayList<>();
    private final Map<Integer, Label> returns = new HashMap<>();
    /** The word the accumulator holds at the next instruction, UNKNOWN, or null when unreachable. */
    private Integer loaded = UNKNOWN;

    Label label() {
        return new Label();
    }

    /** The label of the one shared {@code ret k}, emitted by {@link #emitReturns}. */
    Label returnOf(int k) {
        return returns.computeIfAbsent(k, x -> new Label());
    }

    void place(Label l) {
        pending.add(l);
        Integer fallThrough = loaded;
        if (!l.reached) {
            loaded = fallThrough == null ? UNKNOWN : fallThrough;
            return;
        }
        Integer viaJumps = l.mixed ? UNKNOWN : l.loaded;
        loaded = fallThrough == null || fallThrough.equals(viaJumps) ? viaJumps : UNKNOWN;
    }

    /** Loads the 32-bit seccomp_data word at {@code offset} unless the accumulator has it already. */
    void load(int offset) {
        if (Integer.valueOf(offset).equals(loaded)) {
            return;
        }
        emit(new Slot(BpfInstruction.LD | BpfInstruction.W | BpfInstruction.ABS, offset, null, null));
        loaded = offset;
    }

    void and(int k) {
        emit(new Slot(BpfInstruction.ALU | BpfInstruction.AND | BpfInstruction.K, k, null, null));
        loaded = UNKNOWN;
    }

    /** A conditional jump; a null label means the next instruction. */
    void jump(int op, int k, Label whenTrue, Label whenFalse) {
        Label next = null;
        if (whenTrue == null || whenFalse == null) {
            next = label();
        }
        Label t = whenTrue == null ? next : whenTrue;
        Label f = whenFalse == null ? next : whenFalse;
        t.arrive(loaded);
        f.arrive(loaded);
        emit(new Slot(BpfInstruction.JMP | op | BpfInstruction.K, k, t, f));
        loaded = null;
        if (next != null) {
            place(next);
        }
    }

    void jumpTo(Label target) {
        target.arrive(loaded);
        emit(new Slot(BpfInstruction.JMP | BpfInstruction.JA, 0, target, null));
        loaded = null;
    }

    void emitReturns() {
        returns.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            place(e.getValue());
            emit(new Slot(BpfInstruction.RET | BpfInstruction.K, e.getKey(), null, null));
            loaded = null;
        });
    }

    void ret(int k) {
        emit(new Slot(BpfInstruction.RET | BpfInstruction.K, k, null, null));
        loaded = null;
    }

    private void emit(Slot s) {
        for (Label l : pending) {
            l.target = s;
        }
        pending.clear();
        slots.add(s);
    }

    BpfProgram build() {
        for (Slot s : slots) {
            s.whenTrue = resolve(s.whenTrue);
            s.whenFalse = resolve(s.whenFalse);
        }
        while (relaxOne()) {
            // repeat until every jump fits
        }
        Map<Slot, Integer> at = positions();
        List<BpfInstruction> out = new ArrayList<>(slots.size());
        for (int pc = 0; pc < slots.size(); pc++) {
            Slot s = slots.get(pc);
            if ((s.code & 0x07) != BpfInstruction.JMP) {
                out.add(new BpfInstruction(s.code, 0, 0, s.k));
            } else if ((s.code & 0xf0) == BpfInstruction.JA) {
                out.add(new BpfInstruction(s.code, 0, 0, at.get((Slot) s.whenTrue) - pc - 1));
            } else {
                out.add(new BpfInstruction(s.code, at.get((Slot) s.whenTrue) - pc - 1, at.get((Slot) s.whenFalse) - pc - 1, s.k));
            }
        }
        return new BpfProgram(out);
    }

    private static Slot resolve(Object target) {
        if (target == null) {
            return null;
        }
        Slot s = ((Label) target).target;
        if (s == null) {
            throw new IllegalStateException("a label was never placed");
        }
        return s;
    }

    private Map<Slot, Integer> positions() {
        Map<Slot, Integer> at = new IdentityHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            at.put(slots.get(i), i);
        }
        return at;
    }

    /**
     * Bridges every conditional jump that does not fit, last first so the positions of the
     * ones before stay valid; false when all fit already.
     */
    private boolean relaxOne() {
        Map<Slot, Integer> at = positions();
        List<Integer> far = new ArrayList<>();
        for (int pc = 0; pc < slots.size(); pc++) {
            Slot s = slots.get(pc);
            if ((s.code & 0x07) == BpfInstruction.JMP && (s.code & 0xf0) != BpfInstruction.JA
                    && (at.get((Slot) s.whenTrue) - pc - 1 > 255 || at.get((Slot) s.whenFalse) - pc - 1 > 255)) {
                far.add(pc);
            }
        }
        for (int f = far.size() - 1; f >= 0; f--) {
            int pc = far.get(f);
            Slot s = slots.get(pc);
            if (at.get((Slot) s.whenTrue) - pc - 1 > 255) {
                s.whenTrue = bridge(pc, (Slot) s.whenTrue);
            }
            if (at.get((Slot) s.whenFalse) - pc - 1 > 255) {
                s.whenFalse = bridge(pc, (Slot) s.whenFalse);
            }
        }
        return !far.isEmpty();
    }

    /** A slot next to the jump at {@code pc} that leads to {@code target}. */
    private Slot bridge(int pc, Slot target) {
        boolean isReturn = target.code == (BpfInstruction.RET | BpfInstruction.K);
        Slot near = isReturn ? nearbyReturn(pc, target.k) : null;
        if (near == null) {
            near = isReturn ? new Slot(target.code, target.k, null, null)
                    : new Slot(BpfInstruction.JMP | BpfInstruction.JA, 0, target, null);
            slots.add(pc + 1, near);
        }
        return near;
    }

    int size() {
        return slots.size();
    }

    /** A {@code ret k} already within reach of the jump at {@code pc}, if there is one. */
    private Slot nearbyReturn(int pc, int k) {
        for (int i = Math.min(slots.size() - 1, pc + 256); i > pc; i--) {
            Slot s = slots.get(i);
            if (s.code == (BpfInstruction.RET | BpfInstruction.K) && s.k == k) {
                return s;
            }
        }
        return null;
    }
}
