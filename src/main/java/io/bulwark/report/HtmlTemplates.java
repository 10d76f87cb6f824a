package io.bulwark.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** The FreeMarker templates shipped in the jar at {@code io/bulwark/reports/} (the {@code reports/} folder). */
public final class HtmlTemplates {
    /** One configuration per process: FreeMarker caches parsed templates in it. */
    private static final Configuration CONFIGURATION = configure();

    private HtmlTemplates() {
    }

    /** Renders {@code templateName} (an {@code .ftlh}: every value HTML-escaped) with {@code model}. */
    public static void render(String templateName, Map<String, Object> model, Writer out) throws IOException {
        Template template = CONFIGURATION.getTemplate(templateName);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("the HTML template " + templateName + " failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static Configuration configure() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(HtmlTemplates.class.getClassLoader(), "io/bulwark/reports");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        return cfg;
    }
}
