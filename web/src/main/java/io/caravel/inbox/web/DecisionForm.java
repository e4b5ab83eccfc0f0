package io.caravel.inbox.web;

import io.caravel.casework.MessageTemplates;
import io.caravel.casework.TaskKind;
import java.util.List;
import java.util.Locale;

/** The decision form of a task kind, for API clients: each decision with what it needs and the templates it offers. */
public record DecisionForm(String taskType, List<Choice> decisions) {

    /** One decision: whether a note and a message are needed, and the message templates. */
    public record Choice(String decision, boolean noteRequired, String message, List<Template> templates) {
    }

    /** A message template: its code, its name in the asked language, and the message it fills in. */
    public record Template(String code, String label, String message) {
    }

    static DecisionForm of(TaskKind kind, Locale locale) {
        return new DecisionForm(kind.key(), kind.outcomes().stream().map(o -> new Choice(o.code(), o.noteRequired(),
                o.message().name(), o.templates().stream().map(t -> new Template(t, MessageTemplates.label(locale, t),
                        MessageTemplates.text(t))).toList())).toList());
    }
}
