/* Kafka Viewer in a real window, under Xvfb, on the embedded mock cluster.
 *
 * Built from the app's own sources (examples/gtk, without its main()), it
 * runs the application as `kafka-viewer` runs it and drives the window as a
 * user would: it types in the produce form and presses Produce, types in
 * the key filter, and turns on the broker outage from the app's menu action.
 * It checks what the window shows, from the widgets on screen: the rows of
 * the produced messages in the column view (labels mapped and inside the
 * visible part of the view), then the error bar with "Cannot reach the
 * cluster" once the mock's broker is down. Last, it saves a screenshot of
 * the window (GTK renders it to a texture: no screen grab needed) and checks
 * the PNG.
 *
 * Every wait is on the window's frame clock, with a deadline that fails
 * the test; nothing sleeps.
 *
 *   test-viewer --screenshot FILE.png
 *
 * (tests/gtk/run-viewer-test.sh runs it under xvfb-run.)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const int64 STEP_TIMEOUT_US = 60 * TimeSpan.SECOND;
const int N_MESSAGES = 5;

delegate bool Condition ();

class Driver : Object {
    KafkaViewer.Application app;
    KafkaViewer.Window window;
    string screenshot_path;
    public bool finished = false;

    public Driver (KafkaViewer.Application app, string screenshot_path) {
        this.app = app;
        this.screenshot_path = screenshot_path;
    }

    /* Waits, frame by frame, until @condition holds; fails the test after
     * STEP_TIMEOUT_US. */
    async void wait_until (owned Condition condition, string what) {
        if (condition ())
            return;
        var deadline = get_monotonic_time () + STEP_TIMEOUT_US;
        SourceFunc resume = wait_until.callback;
        window.add_tick_callback ((widget, clock) => {
            if (condition ()) {
                Idle.add ((owned) resume);
                return Source.REMOVE;
            }
            if (get_monotonic_time () > deadline)
                error ("timed out after %lld s waiting for %s", STEP_TIMEOUT_US / TimeSpan.SECOND, what);
            return Source.CONTINUE;
        });
        yield;
        message ("ok: %s", what);
    }

    /* The texts of the labels under @root that are on screen: mapped, and
     * inside the visible part of @viewport. */
    static void collect_visible (Gtk.Widget widget, Gtk.Widget viewport, GenericSet<string> texts) {
        var label = widget as Gtk.Label;
        if (label != null && label.get_mapped ()) {
            Graphene.Rect bounds;
            if (label.compute_bounds (viewport, out bounds) &&
                bounds.origin.y + bounds.size.height > 0 &&
                bounds.origin.y < viewport.get_height () &&
                bounds.size.height > 0)
                texts.add (label.label);
        }
        for (var child = widget.get_first_child (); child != null; child = child.get_next_sibling ())
            collect_visible (child, viewport, texts);
    }

    GenericSet<string> visible_texts () {
        var texts = new GenericSet<string> (str_hash, str_equal);
        collect_visible (window.column_view, window.messages_scroll, texts);
        return texts;
    }

    bool shows_test_rows () {
        var texts = visible_texts ();
        for (int i = 0; i < N_MESSAGES; i++) {
            if (!texts.contains ("xvfb-%d".printf (i)) ||
                !texts.contains ("hello from Xvfb %d".printf (i)) ||
                !texts.contains ("test=xvfb"))
                return false;
        }
        return true;
    }

    uint rows_shown () {
        return window.column_view.model.get_n_items ();
    }

    public async void run () {
        window = (KafkaViewer.Window) app.active_window;
        /* instant reveals and scrolls: what is set is on screen at the next frame */
        Gtk.Settings.get_default ().gtk_enable_animations = false;

        yield wait_until (() => window.get_mapped (), "the window on screen");
        yield wait_until (() => window.watched_topic == KafkaViewer.Application.DEMO_TOPIC &&
                                window.messages != null,
                          "the demo topic picked from the cluster's metadata");
        assert (!window.error_bar.revealed);

        /* the demo messages keep coming: the test's own are told by key */
        window.key_filter_entry.text = "xvfb-";
        for (int i = 0; i < N_MESSAGES; i++) {
            window.key_entry.text = "xvfb-%d".printf (i);
            window.value_entry.text = "hello from Xvfb %d".printf (i);
            window.headers_entry.text = "test=xvfb";
            window.send_button.clicked ();
            /* the form clears the value once the message is queued */
            assert (window.value_entry.text == "");
        }
        yield wait_until (() => window.n_sent == N_MESSAGES, "the delivery reports of the form's messages");
        yield wait_until (shows_test_rows, "the produced messages as rows in the view");
        assert (rows_shown () == N_MESSAGES);
        assert (!window.error_bar.revealed);

        /* the whole topic again, for the screenshot */
        window.key_filter_entry.text = "";
        yield wait_until (() => rows_shown () > N_MESSAGES, "every message once the filter is cleared");
        expand_watched_topic ();

        /* the broker goes down, through the app's own menu item */
        app.activate_action ("broker-outage", null);
        assert (app.get_action_state ("broker-outage").get_boolean ());
        yield wait_until (() => window.error_bar.revealed && window.error_title.get_mapped () &&
                                window.error_title.label == "Cannot reach the cluster" &&
                                window.error_detail.label != "",
                          "the error bar saying the cluster is out of reach");
        message ("error shown: %s: %s", window.error_title.label, window.error_detail.label);

        /* one more frame, so that what is set is drawn */
        var drawn = false;
        window.queue_draw ();
        yield wait_until (() => { var was = drawn; drawn = true; return was; }, "a frame");

        save_screenshot ();
        finished = true;
        app.quit ();
    }

    /* Opens the watched topic in the sidebar: its partitions show. */
    void expand_watched_topic () {
        var selection = (Gtk.SingleSelection) window.sidebar.model;
        var row = selection.selected_item as Gtk.TreeListRow;
        assert (row != null);
        row.expanded = true;
    }

    void save_screenshot () {
        int width = window.get_width ();
        int height = window.get_height ();
        var snapshot = new Gtk.Snapshot ();
        new Gtk.WidgetPaintable (window).snapshot (snapshot, width, height);
        var node = snapshot.to_node ();
        assert (node != null);
        var texture = window.get_renderer ().render_texture (node, null);
        if (!texture.save_to_png (screenshot_path))
            error ("could not write %s", screenshot_path);

        /* read back: a picture of the window, not an empty one */
        try {
            var saved = Gdk.Texture.from_filename (screenshot_path);
            assert (saved.width >= width && saved.height >= height);
            message ("screenshot: %s (%d×%d)", screenshot_path, saved.width, saved.height);
        } catch (GLib.Error e) {
            error ("could not read back %s: %s", screenshot_path, e.message);
        }
    }
}

int main (string[] args) {
    string? screenshot = null;
    OptionEntry[] entries = {
        { "screenshot", 0, OptionFlags.NONE, OptionArg.FILENAME, ref screenshot,
          "Where to save the screenshot", "FILE.png" },
        { null }
    };
    try {
        var context = new OptionContext ();
        context.add_main_entries (entries, null);
        context.parse (ref args);
    } catch (OptionError e) {
        error ("%s", e.message);
    }
    if (screenshot == null)
        error ("usage: test-viewer --screenshot FILE.png");

    var app = new KafkaViewer.Application ();
    Driver? driver = null;
    app.activate.connect_after (() => {
        if (driver != null)
            return;
        driver = new Driver (app, screenshot);
        driver.run.begin ();
    });
    /* exactly as the app starts with no arguments: the mock cluster, the
     * demo topic, the demo messages */
    var status = app.run ({ args[0] });
    if (driver == null || !driver.finished)
        error ("the application quit before the test was done");
    return status;
}
