// A classification dataset: a training split, a held-out test split and what describes them.
package org.shiftscope.model.data;

/**
 * @param name    what the user chose ("fashion-mnist", "synthetic" or a folder path)
 * @param inputs  features per example
 * @param classes number of classes; every label lies in [0, classes)
 * @param train   examples used for SGD and for the Hessian's evaluation set
 * @param test    held-out examples for the periodic test loss and accuracy
 */
public record Dataset(String name, int inputs, int classes, Examples train, Examples test) {
}
