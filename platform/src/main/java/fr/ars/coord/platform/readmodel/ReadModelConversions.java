package fr.ars.coord.platform.readmodel;

import fr.ars.coord.contracts.region.Region;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How read-model documents store the contracts' value types: a {@link Region} as its ISO code, as documents
 * written before regions were typed hold it (and as queries by region compare it), not as the enum's name.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
public class ReadModelConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new RegionToCode(), new CodeToRegion()));
    }

    @WritingConverter
    static final class RegionToCode implements Converter<Region, String> {
        @Override
        public String convert(Region region) {
            return region.code();
        }
    }

    @ReadingConverter
    static final class CodeToRegion implements Converter<String, Region> {
        @Override
        public Region convert(String code) {
            return Region.of(code);
        }
    }
}
