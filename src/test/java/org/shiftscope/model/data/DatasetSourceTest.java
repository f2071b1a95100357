// Tests that a dataset spec picks the embedded, synthetic or folder loader, and that an unknown spec is explained.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.model.data.IdxBytes.assertInvalid;
import static org.shiftscope.model.data.IdxBytes.images;
import static org.shiftscope.model.data.IdxBytes.labels;
import static org.shiftscope.model.data.IdxBytes.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {
    private static final long SEED = 7;
    private static final int EMBEDDED_TRAIN_COUNT = 10_000;
    private static final int ROWS = 2;
    private static final int COLUMNS = 2;

    @TempDir
    Path folder;

    @Test
    void syntheticSpecGeneratesFromTheSeed() throws Exception {
        var dataset = DatasetSource.load(SyntheticData.NAME, SEED);

        assertEquals(SyntheticData.NAME, dataset.name());
        assertArrayEquals(SyntheticData.generate(SEED).train().features(), dataset.train().features());
    }

    @Test
    void fashionMnistSpecLoadsTheEmbeddedSubset() throws Exception {
        var dataset = DatasetSource.load(EmbeddedData.FASHION_MNIST, SEED);

        assertEquals(EmbeddedData.FASHION_MNIST, dataset.name());
        assertEquals(EMBEDDED_TRAIN_COUNT, dataset.train().count());
    }

    @Test
    void anyOtherSpecIsAnMnistFolder() throws Exception {
        write(folder, MnistFile.TRAIN_IMAGES.fileName(), images(1, ROWS, COLUMNS, 1, 2, 3, 4));
        write(folder, MnistFile.TRAIN_LABELS.fileName(), labels(1));
        write(folder, MnistFile.TEST_IMAGES.fileName(), images(1, ROWS, COLUMNS, 5, 6, 7, 8));
        write(folder, MnistFile.TEST_LABELS.fileName(), labels(2));

        var dataset = DatasetSource.load(folder.toString(), SEED);

        assertEquals(folder.toString(), dataset.name());
        assertEquals(ROWS * COLUMNS, dataset.inputs());
    }

    @Test
    void nonexistentPathIsAnUnknownDataset() {
        var spec = folder.resolve("fashion_mnist").toString();

        assertInvalid(() -> DatasetSource.load(spec, SEED), spec, "Unknown dataset");
    }

    @Test
    void blankSpecAsksForADataset() {
        assertInvalid(() -> DatasetSource.load(" ", SEED), EmbeddedData.FASHION_MNIST, "No dataset given");
    }

    @Test
    void runsRecordAFolderAsItsAbsolutePathAndNamesAsTheyAre() {
        assertEquals(EmbeddedData.FASHION_MNIST, DatasetSource.canonical(EmbeddedData.FASHION_MNIST));
        assertEquals(SyntheticData.NAME, DatasetSource.canonical(SyntheticData.NAME));
        assertEquals(Path.of("").toAbsolutePath().resolve("data/mnist").toString(),
                DatasetSource.canonical("data/./extra/../mnist"));
    }
}
