package org.tlsconf.tls;

import java.util.Optional;

/**
 * The Windows builds a profile value applies to: from {@code from} up to {@code upTo}, both inclusive and both
 * optional ("from 20348", "up to 20347", or always).
 */
public record BuildRange(Optional<Integer> from, Optional<Integer> upTo) {

    public static final BuildRange ALWAYS = new BuildRange(Optional.empty(), Optional.empty());

    public BuildRange {
        if (from.isPresent() && upTo.isPresent() && from.get() > upTo.get()) {
            throw new IllegalArgumentException("build range from " + from.get() + " up to " + upTo.get()
                    + " is empty");
        }
    }

    public static BuildRange of(Integer from, Integer upTo) {
        return new BuildRange(Optional.ofNullable(from), Optional.ofNullable(upTo));
    }

    public boolean isAlways() {
        return from.isEmpty() && upTo.isEmpty();
    }

    public boolean contains(int build) {
        return from.map(f -> build >= f).orElse(true) && upTo.map(u -> build <= u).orElse(true);
    }

    public boolean overlaps(BuildRange other) {
        long lo = Math.max(from.orElse(0), other.from.orElse(0));
        long hi = Math.min(upTo.map(Integer::longValue).orElse(Long.MAX_VALUE),
                other.upTo.map(Integer::longValue).orElse(Long.MAX_VALUE));
        return lo <= hi;
    }

    /** "from build 20348", "up to build 20347", "builds 14393 to 20347", or "all builds". */
    public String describe() {
        if (isAlways()) {
            return "all builds";
        }
        if (upTo.isEmpty()) {
            return "from build " + from.get();
        }
        if (from.isEmpty()) {
            return "up to build " + upTo.get();
        }
        return "builds " + from.get() + " to " + upTo.get();
    }

    @Override
    public String toString() {
        return describe();
    }
}
