package app.strongroom.web.records;

import java.util.OptionalLong;

/** Record ids as they come in URLs: anything that is not a positive whole number is a record that does not exist. */
public final class Ids {
    private Ids() {
    }

    public static OptionalLong parse(String id) {
        if (id == null || id.length() > 18 || !id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(id);
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
