// The JSON shape of a scenario file (README, "Scenarios"): the type of every field, for JsonShape to check before
// anything is mapped, so "at_step": "5" or "depth": 8.7 is refused rather than coerced.
package org.shiftscope.model.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.SettingsFile;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.util.HashMap;
import java.util.Map;

final class ScenarioShape {
    /** the settings' enum fields plus the scenario's own */
    static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = withCompareWith();

    private ScenarioShape() {
    }

    /** A scenario whose every field holds a value of its type; {@code base} gives the shape of "config". */
    static ObjectNode reference(TrainingConfig base) {
        var mapper = Json.mapper();
        ObjectNode scenario = mapper.createObjectNode();
        scenario.put("id", "");
        scenario.put("title", "");
        scenario.putArray("explanation").add("");
        scenario.put("reference", "");
        scenario.set("config", mapper.valueToTree(base));
        scenario.put("compare_with", BnMode.OFF.label());
        scenario.set("stress", mapper.valueToTree(StressSettings.defaults()));
        ObjectNode change = scenario.putArray("changes").addObject();
        change.put("at_step", 0L);
        change.put("bn_mode", BnMode.OFF.label());
        change.put("learning_rate", 0.0);
        scenario.put("overlaid", false);
        scenario.set("compare_network", mapper.valueToTree(base.network()));
        return scenario;
    }

    private static Map<String, Class<? extends Enum<?>>> withCompareWith() {
        var enums = new HashMap<>(SettingsFile.ENUM_FIELDS);
        enums.put("compare_with", BnMode.class);
        return Map.copyOf(enums);
    }
}
