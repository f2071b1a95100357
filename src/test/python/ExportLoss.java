// ShiftScope's mean evaluation loss of a model export in any BN mode, for the PyTorch cross-check
// (torch_check_all.py): arch.json's eval_loss is in the export's own mode and `hessian` writes no loss. Run as a
// single-file program against the jar: java -cp target/shiftscope.jar src/test/python/ExportLoss.java DIR on|frozen|off
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.net.BnMode;

import java.nio.file.Path;

public class ExportLoss {
    public static void main(String[] args) throws Exception {
        var loaded = ModelExport.read(Path.of(args[0]));
        // Without weight decay, as eval_loss: the loss alone, through the same passes as the Hessian's.
        var loss = new EvaluationSetLoss(loaded.network(), BnMode.parse(args[1]), loaded.evalSet(), loaded.bnChunk(), 0.0);
        System.out.println(loss.value(loss.initialParameters()));
    }
}
