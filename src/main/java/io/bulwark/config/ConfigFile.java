package io.bulwark.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.bulwark.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A config file and the containers it describes: an OCI {@code config.json}, {@code docker
 * inspect} or {@code podman inspect} output (one object or an array), or Kubernetes manifests
 * (YAML, several documents). The format is told from the content, not the name.
 */
public final class ConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** One container described by the file, with where it is (document index and name). */
    public record Entry(String id, ContainerSpec spec) {
    }

    private ConfigFile() {
    }

    public static List<Entry> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputException("--config " + file + ": no such file; give an OCI config.json, docker/podman inspect output or a Kubernetes manifest");
        } catch (IOException e) {
            throw new InputException("--config " + file + ": cannot read: " + e.getMessage(), e);
        }
        FieldLines lines = new FieldLines(text);
        String source = file.toString();
        List<Entry> entries = new ArrayList<>();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode root = parse(JSON, text, file);
            List<JsonNode> objects = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(objects::add);
            } else {
                objects.add(root);
            }
            int from = 1;
            for (int i = 0; i < objects.size(); i++) {
                JsonNode node = objects.get(i);
                String at = objects.size() > 1 ? "#" + i : "";
                String where = objects.size() > 1 ? "[" + i + "]" : "";
                if (OciConfigReader.accepts(node)) {
                    ConfigShape.check("oci", node, source, where);
                    entries.add(new Entry(source + at, OciConfigReader.read(node, source, lines)));
                } else if (EngineInspectReader.accepts(node)) {
                    ConfigShape.check("inspect", node, source, where);
                    int start = lines.findText(node.path("Id").asText(), from).orElse(from);
                    ContainerSpec spec = EngineInspectReader.read(node, source, lines, start);
                    entries.add(new Entry(source + at + " " + spec.name(), spec));
                    from = start + 1;
                } else if (KubernetesReader.accepts(node)) {
                    addKubernetes(entries, node, source + at, lines, 1);
                } else {
                    throw unknown(file, "a JSON object that is neither an OCI config (ociVersion), inspect output (Id, HostConfig) nor a Kubernetes object");
                }
            }
        } else {
            readYaml(file, text, lines, entries);
        }
        if (entries.isEmpty()) {
            throw unknown(file, "no container in it");
        }
        return entries;
    }

    private static void readYaml(Path file, String text, FieldLines lines, List<Entry> entries) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
            int index = 0;
            while (docs.hasNextValue()) {
                int line = docs.getCurrentLocation().getLineNr();
                JsonNode doc = docs.nextValue();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    if (!KubernetesReader.accepts(doc)) {
                        throw unknown(file, "YAML document " + index + " is not a Kubernetes object (no kind and apiVersion)");
                    }
                    if (KubernetesReader.KINDS.contains(doc.path("kind").asText())) {
                        addKubernetes(entries, doc, file + "#" + index, lines, Math.max(1, line));
                    }
                }
                index++;
            }
        } catch (JsonProcessingException e) {
            throw new InputException("--config " + file + ": malformed YAML at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "; fix the manifest (kubectl apply --dry-run=client -f shows the same)");
        } catch (IOException e) {
            throw new InputException("--config " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void addKubernetes(List<Entry> entries, JsonNode doc, String at, FieldLines lines, int from) {
        for (ContainerSpec spec : KubernetesReader.read(doc, at, lines, from)) {
            entries.add(new Entry(at + " " + spec.name(), spec));
        }
    }

    private static JsonNode parse(ObjectMapper mapper, String text, Path file) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException("--config " + file + ": malformed JSON at line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage() + "; give the file as the engine wrote it");
        }
    }

    private static InputException unknown(Path file, String what) {
        return new InputException("--config " + file + ": " + what + "; give an OCI config.json, docker/podman inspect output or a Kubernetes Pod/Deployment/StatefulSet/DaemonSet/Job/CronJob manifest");
    }
}
