package dev.rehearsal.engine.descriptor;

import dev.rehearsal.engine.execution.RehearsalContext;
import dev.rehearsal.engine.results.ResultsWriter;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root: when every suite has run, writes the results model and stops any container servers. */
public final class RehearsalEngineDescriptor extends EngineDescriptor implements Node<RehearsalContext> {

    public RehearsalEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "Rehearsal");
    }

    @Override
    public void after(RehearsalContext context) {
        try {
            if (getChildren().isEmpty()) {
                return; // nothing was selected (e.g. Surefire asking every engine about Jupiter classes): keep the last results
            }
            ResultsWriter.write(ResultsAssembler.assemble(this, context.recorder()), context.config().reportDirectory());
        } finally {
            context.servers().close();
        }
    }
}
