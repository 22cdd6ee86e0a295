/* The KafkaError helpers from Vala: Kafka.Errors.* on a local error and on
 * one caught in a catch clause (valac used to drop the argument there and
 * the program crashed), built with --fatal-warnings (valac used to warn
 * "Instance methods are not supported in error domains yet" for every
 * program). Offline: no broker.
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

void test_local () {
    var timed_out = new GLib.Error (Kafka.Error.quark (), Kafka.Error.TIMED_OUT, "slow");
    var fatal = new GLib.Error (Kafka.Error.quark (), Kafka.Error.FATAL, "gone");
    var abort = new GLib.Error (Kafka.Error.quark (), Kafka.Error.TXN_REQUIRES_ABORT, "abort");
    var other = new GLib.Error (GLib.IOError.quark (), GLib.IOError.FAILED, "not ours");

    assert (Kafka.Errors.is_retriable (timed_out));
    assert (!Kafka.Errors.is_fatal (timed_out));
    assert (!Kafka.Errors.txn_requires_abort (timed_out));
    assert (Kafka.Errors.is_fatal (fatal));
    assert (!Kafka.Errors.is_retriable (fatal));
    assert (Kafka.Errors.txn_requires_abort (abort));
    assert (!Kafka.Errors.is_retriable (other));
    assert (!Kafka.Errors.is_fatal (other));

    assert (Kafka.Errors.code_get_name (timed_out.code) == "_TIMED_OUT");
    assert (Kafka.Errors.code_get_name (Kafka.Error.UNKNOWN_TOPIC_OR_PART) == "UNKNOWN_TOPIC_OR_PART");
    assert (Kafka.Errors.code_get_description (timed_out.code).length > 0);
}

void test_caught () {
    try {
        throw new Kafka.Error.MSG_TIMED_OUT ("message timed out");
    } catch (GLib.Error e) {
        assert (e.domain == Kafka.Error.quark ());
        assert (Kafka.Errors.is_retriable (e));
        assert (!Kafka.Errors.is_fatal (e));
        assert (!Kafka.Errors.txn_requires_abort (e));
        assert (Kafka.Errors.code_get_name (e.code) == "_MSG_TIMED_OUT");
    }
    try {
        throw new Kafka.Error.FATAL ("fenced");
    } catch (Kafka.Error e) {
        assert (Kafka.Errors.is_fatal (e));
    }
}

int main (string[] args) {
    Test.init (ref args);
    Test.add_func ("/vala/errors/local", test_local);
    Test.add_func ("/vala/errors/caught", test_caught);
    return Test.run ();
}
