// Seeded damage to a JSON tree for the loaders' fuzz tests: one to three edits, each on a random field of a
// random object (objects inside arrays included): removed, joined by an unknown twin, or given a bad value;
// or one scalar field rewritten in another JSON type.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public final class JsonDamage {
    private JsonDamage() {
    }

    /** Damages {@code root} in place; {@code replacements} are the bad values to draw from. */
    public static void damage(JsonNode root, Random random, Object[] replacements) {
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            var targets = objects(root);
            ObjectNode target = targets.get(random.nextInt(targets.size()));
            var names = new ArrayList<String>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String field = names.get(random.nextInt(names.size()));
            switch (random.nextInt(3)) {
                case 0 -> target.remove(field);
                case 1 -> target.put("unknown_" + field, 1);
                default -> target.set(field, Json.mapper().valueToTree(replacements[random.nextInt(replacements.length)]));
            }
        }
    }

    /**
     * Rewrites one scalar field of one object in another JSON type: 8 → "8" or 8.5, 0.1 → "0.1", "on" → 2,
     * true → "true". Returns false for 8 → 8.5, which is a type change only where the field holds integers.
     */
    public static boolean swapType(JsonNode root, Random random) {
        var owners = new ArrayList<ObjectNode>();
        var fields = new ArrayList<String>();
        for (ObjectNode object : objects(root)) {
            object.fields().forEachRemaining(entry -> {
                if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                    owners.add(object);
                    fields.add(entry.getKey());
                }
            });
        }
        int pick = random.nextInt(fields.size());
        ObjectNode owner = owners.get(pick);
        String field = fields.get(pick);
        JsonNode value = owner.get(field);
        if (value.isIntegralNumber() && random.nextBoolean()) {
            owner.put(field, value.asDouble() + 0.5);
            return false;
        }
        if (value.isNumber() || value.isBoolean()) {
            owner.put(field, value.asText());
        } else {
            owner.put(field, value.asText().length());
        }
        return true;
    }

    private static List<ObjectNode> objects(JsonNode node) {
        var out = new ArrayList<ObjectNode>();
        if (node instanceof ObjectNode object) {
            out.add(object);
        }
        if (node instanceof ObjectNode || node instanceof ArrayNode) {
            node.elements().forEachRemaining(child -> out.addAll(objects(child)));
        }
        return out;
    }
}
