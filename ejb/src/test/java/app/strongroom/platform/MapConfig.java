package app.strongroom.platform;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/** Settings from a map, converted as MicroProfile Config would for the types {@link PlatformSettings} asks for. */
public final class MapConfig implements Config {
    private final Map<String, String> values;

    public MapConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static PlatformSettings settings(Map<String, String> values) {
        PlatformSettings settings = new PlatformSettings();
        settings.config = new MapConfig(values);
        return settings;
    }

    @Override
    public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(v -> convert(v, type));
    }

    @Override
    public <T> Optional<List<T>> getOptionalValues(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name))
                .map(v -> List.of(v.split(",")).stream().map(part -> convert(part, type)).toList());
    }

    private static <T> T convert(String value, Class<T> type) {
        if (type == String.class) {
            return type.cast(value);
        } else if (type == Integer.class) {
            return type.cast(Integer.valueOf(value.strip()));
        } else if (type == Boolean.class) {
            return type.cast(Boolean.valueOf(value.strip()));
        }
        throw new IllegalArgumentException("no converter for " + type);
    }

    @Override
    public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }
}
