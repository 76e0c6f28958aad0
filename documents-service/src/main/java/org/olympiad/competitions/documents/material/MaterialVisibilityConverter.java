package org.olympiad.competitions.documents.material;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link MaterialVisibility} under the seed's words ({@code public}, not {@code public_}). */
@Converter
public class MaterialVisibilityConverter implements AttributeConverter<MaterialVisibility, String> {

    @Override
    public String convertToDatabaseColumn(MaterialVisibility visibility) {
        return visibility == null ? null : visibility.column();
    }

    @Override
    public MaterialVisibility convertToEntityAttribute(String value) {
        return value == null ? null : MaterialVisibility.ofColumn(value);
    }
}
