package io.bulwark.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.bulwark.audit.Report;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * The HTML report: one self-contained page (styles and the optional filter script inlined,
 * nothing fetched) from the FreeMarker templates in {@code reports/}.
 */
public final class HtmlReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Writer out) throws IOException {
        render("report.ftlh", Map.of("page", HtmlReportModel.of(report)), out);
    }

    /** Renders one of the templates shipped in {@code io/bulwark/reports/} with {@code model}. */
    static void render(String templateName, Map<String, Object> model, Writer out) throws IOException {
        Template template = Templates.CONFIGURATION.getTemplate(templateName);
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("the HTML template " + templateName + " failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    /** One configuration per process: FreeMarker caches parsed templates in it. */
    private static final class Templates {
        static final Configuration CONFIGURATION = configure();

        private static Configuration configure() {
            Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
            cfg.setClassLoaderForTemplateLoading(HtmlReportWriter.class.getClassLoader(), "io/bulwark/reports");
            cfg.setDefaultEncoding("UTF-8");
            cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
            cfg.setLogTemplateExceptions(false);
            cfg.setWrapUncheckedExceptions(true);
            cfg.setFallbackOnNullLoopVariable(false);
            return cfg;
        }
    }
}
