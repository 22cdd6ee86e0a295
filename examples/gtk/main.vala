/* Kafka Viewer, the GTK 4 example app of kafka-glib.
 *
 *   kafka-viewer                                  # on an embedded mock cluster, with demo messages
 *   kafka-viewer -b HOST:PORT [-t TOPIC] [-X security.protocol=SASL_SSL -X sasl.username=…]
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
int main (string[] args) {
    return new KafkaViewer.Application ().run (args);
}
