/* kafka-glib: GObject bindings for Apache Kafka
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * _kafkaface: the hot loops of the Python face (Kafka.py), in C. Kafka.py
 * keeps every decision (configuration, errors, exceptions, offsets,
 * rebalances); this module only does, per message, what Python would do
 * slowly:
 *
 * - Message: the seed's Message, one small object per message.
 * - Buffer.produce(): the seed's produce() arguments checked and appended to
 *   per-topic columns; Buffer.send() hands each topic's columns to
 *   kafka_producer_produce_batch_full() in one call, with a tag per message.
 * - deliver(): one delivery-batch emission read column by column, each
 *   message's callback found by its tag and called with a Message.
 * - consumed(): the Messages of a consumed KafkaMessageBatch.
 *
 * It calls kafka-glib's C API directly: the GObjects come from the PyGObject
 * wrappers' __gpointer__ capsules. Every function here runs with the GIL
 * held, so that a Buffer is consistent across Python threads.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

#include <kafka-glib/kafka-glib.h>

#define MSG_OVERHEAD 36
#define MAX_TAG G_MAXINT32

static gpointer
wrapper_gobject (PyObject *wrapper,
                 GType     type)
{
  PyObject *capsule = PyObject_GetAttrString (wrapper, "__gpointer__");
  gpointer obj;

  if (capsule == NULL)
    return NULL;
  obj = PyCapsule_GetPointer (capsule, NULL);
  Py_DECREF (capsule);
  if (obj == NULL)
    return NULL;
  if (!G_TYPE_CHECK_INSTANCE_TYPE (obj, type))
    {
      PyErr_Format (PyExc_TypeError, "expected a %s", g_type_name (type));
      return NULL;
    }
  return obj;
}

/* A bytes object, or None for a NULL column entry (length -1) */
static PyObject *
bytes_or_none (const guint8 *data,
               gint32        len)
{
  if (len < 0)
    Py_RETURN_NONE;
  return PyBytes_FromStringAndSize ((const char *) data, len);
}

static PyObject *
or_none (PyObject *obj)
{
  PyObject *r = obj ? obj : Py_None;

  Py_INCREF (r);
  return r;
}

/* ------------------------------------------------------------------------ */
/* Message: the seed's Message, light. A consumed message holds its values;
 * a delivery report reads key, value, headers, timestamp and latency from
 * its batch's columns (a Kafka.py _DeliveryColumns) when first asked. */

enum {
  LAZY_KEY = 1 << 0,
  LAZY_VALUE = 1 << 1,
  LAZY_HEADERS = 1 << 2,
  LAZY_TIMESTAMP = 1 << 3,
  LAZY_LATENCY = 1 << 4,
  LAZY_ALL = 0x1f,
};

typedef struct {
  PyObject_HEAD
  PyObject  *error;      /* KafkaError, or NULL for none */
  PyObject  *topic;      /* str, or NULL */
  PyObject  *key;        /* bytes (or what set_key() set), or NULL */
  PyObject  *value;
  PyObject  *headers;    /* list of (str, bytes|None), or NULL */
  PyObject  *latency;    /* float, or NULL */
  PyObject  *cols;       /* where lazy fields come from, or NULL */
  long long  offset;
  long long  timestamp;
  int        partition;
  int        tstype;
  int        index;      /* in cols */
  int        lazy;
} Message;

static PyTypeObject MessageType;

static Message *
message_alloc (void)
{
  Message *m = PyObject_GC_New (Message, &MessageType);

  if (m == NULL)
    return NULL;
  m->error = m->topic = m->key = m->value = m->headers = m->latency = m->cols = NULL;
  m->offset = m->timestamp = -1;
  m->partition = -1;
  m->tstype = 0;
  m->index = 0;
  m->lazy = 0;
  return m;
}

static int
message_traverse (Message   *self,
                  visitproc  visit,
                  void      *arg)
{
  Py_VISIT (self->error);
  Py_VISIT (self->topic);
  Py_VISIT (self->key);
  Py_VISIT (self->value);
  Py_VISIT (self->headers);
  Py_VISIT (self->latency);
  Py_VISIT (self->cols);
  return 0;
}

static int
message_clear (Message *self)
{
  Py_CLEAR (self->error);
  Py_CLEAR (self->topic);
  Py_CLEAR (self->key);
  Py_CLEAR (self->value);
  Py_CLEAR (self->headers);
  Py_CLEAR (self->latency);
  Py_CLEAR (self->cols);
  return 0;
}

static void
message_dealloc (Message *self)
{
  PyObject_GC_UnTrack (self);
  message_clear (self);
  PyObject_GC_Del (self);
}

static PyObject *
message_new_denied (PyTypeObject *type,
                    PyObject     *args,
                    PyObject     *kwargs)
{
  PyErr_SetString (PyExc_TypeError, "cannot create 'Message' instances");
  return NULL;
}

/* A lazy field: asked of the columns once, then kept */
static PyObject *
message_lazy (Message    *self,
              int         flag,
              const char *method,
              PyObject  **slot)
{
  if (self->lazy & flag)
    {
      PyObject *v = PyObject_CallMethod (self->cols, method, "i", self->index);

      if (v == NULL)
        return NULL;
      if (v == Py_None)
        Py_CLEAR (v);
      Py_XSETREF (*slot, v);
      self->lazy &= ~flag;
      if (!self->lazy)
        Py_CLEAR (self->cols);
    }
  return or_none (*slot);
}

static PyObject *
message_error (Message *self, PyObject *unused)
{
  return or_none (self->error);
}

static PyObject *
message_topic (Message *self, PyObject *unused)
{
  return or_none (self->topic);
}

static PyObject *
message_partition (Message *self, PyObject *unused)
{
  if (self->partition < 0)
    Py_RETURN_NONE;
  return PyLong_FromLong (self->partition);
}

static PyObject *
message_offset (Message *self, PyObject *unused)
{
  if (self->offset < 0)
    Py_RETURN_NONE;
  return PyLong_FromLongLong (self->offset);
}

static PyObject *
message_key (Message *self, PyObject *unused)
{
  return message_lazy (self, LAZY_KEY, "key", &self->key);
}

static PyObject *
message_value (Message *self, PyObject *unused)
{
  return message_lazy (self, LAZY_VALUE, "value", &self->value);
}

static PyObject *
message_headers (Message *self, PyObject *unused)
{
  return message_lazy (self, LAZY_HEADERS, "headers", &self->headers);
}

static PyObject *
message_timestamp (Message *self, PyObject *unused)
{
  if (self->lazy & LAZY_TIMESTAMP)
    {
      PyObject *t = PyObject_CallMethod (self->cols, "timestamp", "i", self->index);
      int ok;

      if (t == NULL)
        return NULL;
      ok = PyArg_ParseTuple (t, "iL", &self->tstype, &self->timestamp);
      Py_DECREF (t);
      if (!ok)
        return NULL;
      self->lazy &= ~LAZY_TIMESTAMP;
      if (!self->lazy)
        Py_CLEAR (self->cols);
    }
  return Py_BuildValue ("(iL)", self->tstype, self->timestamp);
}

static PyObject *
message_latency (Message *self, PyObject *unused)
{
  return message_lazy (self, LAZY_LATENCY, "latency", &self->latency);
}

static Py_ssize_t
message_len (Message *self)
{
  PyObject *v = message_value (self, NULL);
  Py_ssize_t n = 0;

  if (v == NULL)
    return -1;
  if (v != Py_None)
    n = PyObject_Length (v);
  Py_DECREF (v);
  return n;
}

static int
message_bool (Message *self)
{
  /* not len(): a message with an empty value is a message all the same */
  return 1;
}

static PyObject *
message_set (Message   *self,
             PyObject  *value,
             int        flag,
             PyObject **slot)
{
  Py_XSETREF (*slot, value == Py_None ? NULL : (Py_INCREF (value), value));
  self->lazy &= ~flag;
  if (!self->lazy)
    Py_CLEAR (self->cols);
  Py_RETURN_NONE;
}

static PyObject *
message_set_key (Message *self, PyObject *v)
{
  return message_set (self, v, LAZY_KEY, &self->key);
}

static PyObject *
message_set_value (Message *self, PyObject *v)
{
  return message_set (self, v, LAZY_VALUE, &self->value);
}

static PyObject *
message_set_headers (Message *self, PyObject *v)
{
  return message_set (self, v, LAZY_HEADERS, &self->headers);
}

static PyObject *
message_set_topic (Message *self, PyObject *v)
{
  return message_set (self, v, 0, &self->topic);
}

static PyObject *
message_set_timestamp (Message  *self,
                       PyObject *args)
{
  int tstype;
  long long ts;

  if (!PyArg_ParseTuple (args, "iL", &tstype, &ts))
    return NULL;
  self->tstype = tstype;
  self->timestamp = ts;
  self->lazy &= ~LAZY_TIMESTAMP;
  if (!self->lazy)
    Py_CLEAR (self->cols);
  Py_RETURN_NONE;
}

static PyObject *
message_reduce (Message *self, PyObject *unused)
{
  PyErr_SetString (PyExc_TypeError, "cannot pickle 'Message' objects");
  return NULL;
}

static PyObject *
message_repr (Message *self)
{
  PyObject *p = message_partition (self, NULL), *o = message_offset (self, NULL), *r = NULL;

  if (p != NULL && o != NULL)
    r = PyUnicode_FromFormat ("<Message topic=%R partition=%S offset=%S error=%S>",
                              self->topic ? self->topic : Py_None, p, o,
                              self->error ? self->error : Py_None);
  Py_XDECREF (p);
  Py_XDECREF (o);
  return r;
}

static PyMethodDef message_methods[] = {
  { "error", (PyCFunction) message_error, METH_NOARGS,
    "error() -> KafkaError or None: None for a message; the error of an event or a\n"
    "failed delivery" },
  { "topic", (PyCFunction) message_topic, METH_NOARGS, "topic() -> str or None" },
  { "partition", (PyCFunction) message_partition, METH_NOARGS,
    "partition() -> int, or None where there is none" },
  { "offset", (PyCFunction) message_offset, METH_NOARGS,
    "offset() -> int, or None where there is none (a failed delivery)" },
  { "key", (PyCFunction) message_key, METH_NOARGS, "key() -> bytes or None" },
  { "value", (PyCFunction) message_value, METH_NOARGS,
    "value() -> bytes or None (an event's text, for an event)" },
  { "headers", (PyCFunction) message_headers, METH_NOARGS,
    "headers() -> [(str, bytes or None)], or None without headers" },
  { "timestamp", (PyCFunction) message_timestamp, METH_NOARGS,
    "timestamp() -> (TIMESTAMP_* type, milliseconds since the epoch)" },
  { "latency", (PyCFunction) message_latency, METH_NOARGS,
    "latency() -> seconds from produce() to the delivery report, or None" },
  { "set_key", (PyCFunction) message_set_key, METH_O, "set_key(key)" },
  { "set_value", (PyCFunction) message_set_value, METH_O, "set_value(value)" },
  { "set_headers", (PyCFunction) message_set_headers, METH_O, "set_headers(headers)" },
  { "set_topic", (PyCFunction) message_set_topic, METH_O, "set_topic(topic)" },
  { "set_timestamp", (PyCFunction) message_set_timestamp, METH_VARARGS,
    "set_timestamp(type, timestamp)" },
  { "__reduce__", (PyCFunction) message_reduce, METH_NOARGS, NULL },
  { NULL }
};

static PySequenceMethods message_as_sequence = {
  .sq_length = (lenfunc) message_len,
};

static PyNumberMethods message_as_number = {
  .nb_bool = (inquiry) message_bool,
};

static PyTypeObject MessageType = {
  PyVarObject_HEAD_INIT (NULL, 0)
  .tp_name = "gi.repository.Kafka.Message",
  .tp_basicsize = sizeof (Message),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .tp_doc = "A message, as confluent-kafka-python's Message: a consumed message, a delivery\n"
            "report, or an event (error() is not None). Not user-instantiable. len() is the\n"
            "value's length. Unlike the seed's, a delivery report carries its headers.",
  .tp_new = message_new_denied,
  .tp_dealloc = (destructor) message_dealloc,
  .tp_traverse = (traverseproc) message_traverse,
  .tp_clear = (inquiry) message_clear,
  .tp_methods = message_methods,
  .tp_as_sequence = &message_as_sequence,
  .tp_as_number = &message_as_number,
  .tp_repr = (reprfunc) message_repr,
};

static PyObject *
none_to_null (PyObject *obj)
{
  if (obj == NULL || obj == Py_None)
    return NULL;
  Py_INCREF (obj);
  return obj;
}

/* message(error, topic, partition, offset, key, value, headers, tstype,
 *         timestamp, latency) -> Message, for Kafka.py */
static PyObject *
message_make (PyObject *module,
              PyObject *args)
{
  PyObject *error, *topic, *key, *value, *headers, *latency;
  int partition, tstype;
  long long offset, ts;
  Message *m;

  if (!PyArg_ParseTuple (args, "OOiLOOOiLO", &error, &topic, &partition, &offset, &key,
                         &value, &headers, &tstype, &ts, &latency))
    return NULL;
  m = message_alloc ();
  if (m == NULL)
    return NULL;
  m->error = none_to_null (error);
  m->topic = none_to_null (topic);
  m->key = none_to_null (key);
  m->value = none_to_null (value);
  m->headers = none_to_null (headers);
  m->latency = none_to_null (latency);
  m->partition = partition;
  m->offset = offset;
  m->tstype = tstype;
  m->timestamp = ts;
  PyObject_GC_Track (m);
  return (PyObject *) m;
}

/* last_offsets(messages) -> {(topic, partition): offset}: the last offset
 * of each partition among messages that are not events */
static PyObject *
last_offsets (PyObject *module,
              PyObject *arg)
{
  PyObject *seq = PySequence_Fast (arg, "expected a list of Messages");
  PyObject *out;

  if (seq == NULL)
    return NULL;
  out = PyDict_New ();
  for (Py_ssize_t i = 0, n = PySequence_Fast_GET_SIZE (seq); out != NULL && i < n; i++)
    {
      Message *m = (Message *) PySequence_Fast_GET_ITEM (seq, i);
      Message *next = i + 1 < n ? (Message *) PySequence_Fast_GET_ITEM (seq, i + 1) : NULL;
      PyObject *key, *offset;

      if (Py_TYPE (m) != &MessageType || (next != NULL && Py_TYPE (next) != &MessageType))
        {
          PyErr_SetString (PyExc_TypeError, "expected a list of Messages");
          Py_CLEAR (out);
          break;
        }
      if (m->error != NULL || m->offset < 0 || m->topic == NULL)
        continue;
      /* messages come in runs of one partition: only a run's last counts
       * (a later run of the same partition overwrites it) */
      if (next != NULL && next->error == NULL && next->topic == m->topic &&
          next->partition == m->partition)
        continue;
      key = Py_BuildValue ("(Oi)", m->topic, m->partition);
      offset = PyLong_FromLongLong (m->offset);
      if (key == NULL || offset == NULL || PyDict_SetItem (out, key, offset) < 0)
        Py_CLEAR (out);
      Py_XDECREF (key);
      Py_XDECREF (offset);
    }
  Py_DECREF (seq);
  return out;
}

/* key(message) -> (topic, partition), offset_of(message) -> int: what the
 * consumer's bookkeeping reads of its messages */
static PyObject *
message_key_of (PyObject *module,
                PyObject *arg)
{
  Message *m = (Message *) arg;

  if (Py_TYPE (arg) != &MessageType)
    {
      PyErr_SetString (PyExc_TypeError, "expected a Message");
      return NULL;
    }
  return Py_BuildValue ("(Oi)", m->topic ? m->topic : Py_None, m->partition);
}

/* ------------------------------------------------------------------------ */
/* consumed(batch, make_error) -> ([Message], value bytes): one pass over the
 * batch, each message read in place (kafka_message_batch_peek()), key and
 * value copied once, into their bytes; the values' total length, as
 * librdkafka counts its queue's size against queued.max.messages.kbytes */

static PyObject *
peek_headers (KafkaMessageBatch *batch,
              guint              i,
              guint              n)
{
  PyObject *list = PyList_New (n);

  for (guint h = 0; list != NULL && h < n; h++)
    {
      const char *name;
      const guint8 *value;
      gssize len;
      PyObject *pair;

      if (!kafka_message_batch_peek_header (batch, i, h, &name, &value, &len))
        {
          PyErr_SetString (PyExc_RuntimeError, "a header went missing");
          Py_CLEAR (list);
          break;
        }
      pair = Py_BuildValue ("(sN)", name, bytes_or_none (value, (gint32) len));
      if (pair == NULL)
        {
          Py_CLEAR (list);
          break;
        }
      PyList_SET_ITEM (list, h, pair);
    }
  return list;
}

static PyObject *
consumed (PyObject *module,
          PyObject *args)
{
  PyObject *batch_wrapper, *make_error, *list, *topic = NULL;
  KafkaMessageBatch *batch;
  const char *last_topic = NULL;
  Py_ssize_t total = 0;
  guint n;

  if (!PyArg_ParseTuple (args, "OO", &batch_wrapper, &make_error))
    return NULL;
  batch = wrapper_gobject (batch_wrapper, KAFKA_TYPE_MESSAGE_BATCH);
  if (batch == NULL)
    return NULL;

  n = kafka_message_batch_get_length (batch);
  list = PyList_New (n);
  for (guint i = 0; list != NULL && i < n; i++)
    {
      KafkaMessageView v;
      Message *m = message_alloc ();

      if (m == NULL)
        goto fail;
      PyList_SET_ITEM (list, i, (PyObject *) m);
      kafka_message_batch_peek (batch, i, &v);

      /* consecutive messages share their topic's str */
      if (v.topic != NULL && v.topic != last_topic &&
          (last_topic == NULL || strcmp (v.topic, last_topic) != 0))
        {
          Py_CLEAR (topic);
          topic = PyUnicode_FromString (v.topic);
          if (topic == NULL)
            goto fail;
        }
      last_topic = v.topic;
      if (v.topic != NULL)
        {
          Py_INCREF (topic);
          m->topic = topic;
        }
      m->partition = v.partition;
      m->offset = v.offset;
      m->tstype = v.timestamp_type;
      m->timestamp = v.timestamp;
      if (v.key != NULL &&
          (m->key = PyBytes_FromStringAndSize ((const char *) v.key, v.key_len)) == NULL)
        goto fail;
      if (v.error_code != 0)
        {
          /* an event: its error, and (as the seed gives it) its text as value */
          g_autoptr(KafkaMessage) km = kafka_message_batch_get_message (batch, i);
          const GError *e = kafka_message_get_error (km);
          const char *text = e ? e->message : "";

          m->error = PyObject_CallFunction (make_error, "is", v.error_code, text);
          m->value = PyBytes_FromString (text);
          if (m->error == NULL || m->value == NULL)
            goto fail;
        }
      else if (v.value != NULL)
        {
          m->value = PyBytes_FromStringAndSize ((const char *) v.value, v.value_len);
          if (m->value == NULL)
            goto fail;
          total += (Py_ssize_t) v.value_len;
        }
      if (v.n_headers > 0 && (m->headers = peek_headers (batch, i, v.n_headers)) == NULL)
        goto fail;
      PyObject_GC_Track (m);
    }
  Py_XDECREF (topic);
  if (list == NULL)
    return NULL;
  return Py_BuildValue ("(Nn)", list, total);

fail:
  /* the messages not tracked yet are freed with the list all the same */
  Py_XDECREF (topic);
  Py_XDECREF (list);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Buffer: the producer's messages, per topic, as the columns
 * produce_batch_full() takes */

typedef struct {
  PyObject   *topic;     /* str */
  const char *topic_c;   /* its UTF-8, owned by it */
  GByteArray *values, *keys;
  GArray     *vlens, *klens, *parts;  /* gint32 */
  GArray     *timestamps;             /* gint64 */
  GPtrArray  *headers;                /* PyObject* lists (or NULL) */
  GPtrArray  *cbs;                    /* PyObject* callables (or NULL) */
  guint       n;
  gboolean    any_key, any_part, any_ts, any_headers, any_cb;
} TopicBuf;

/* The callbacks of the messages in flight, by tag: a ring of slots indexed
 * by a 64-bit sequence number, whose low 31 bits are the tag librdkafka
 * carries (0 is no tag). Reports come back roughly in order; a slot freed
 * out of order is a hole until the oldest one goes. No allocation per
 * message, no Python object per tag. */
typedef struct {
  PyObject **slots;
  guint64    cap;       /* a power of 2 */
  guint64    head;      /* the oldest sequence number that may be live */
  guint64    next;
  Py_ssize_t live;
} Tags;

#define TAG_OF(seq) ((guint32) ((seq) & 0x7fffffff))

static void
tags_init (Tags *t)
{
  t->cap = 1024;
  t->slots = g_new0 (PyObject *, t->cap);
  t->head = t->next = 1;
  t->live = 0;
}

static void
tags_clear (Tags *t)
{
  for (guint64 s = t->head; t->slots != NULL && s < t->next; s++)
    Py_CLEAR (t->slots[s & (t->cap - 1)]);
  g_clear_pointer (&t->slots, g_free);
  t->live = 0;
}

/* Files a callback (a new reference is taken) under a new tag */
static guint32
tags_add (Tags     *t,
          PyObject *cb)
{
  guint64 seq = t->next++;

  if (TAG_OF (seq) == 0)
    seq = t->next++;
  if (t->next - t->head > t->cap)
    {
      guint64 cap = t->cap * 2;
      PyObject **slots;

      while (t->next - t->head > cap)
        cap *= 2;
      slots = g_new0 (PyObject *, cap);
      for (guint64 s = t->head; s < seq; s++)
        slots[s & (cap - 1)] = t->slots[s & (t->cap - 1)];
      g_free (t->slots);
      t->slots = slots;
      t->cap = cap;
    }
  Py_INCREF (cb);
  t->slots[seq & (t->cap - 1)] = cb;
  t->live++;
  return TAG_OF (seq);
}

/* The callback filed under @tag (the reference is the caller's), or NULL */
static PyObject *
tags_take (Tags    *t,
           guint32  tag)
{
  guint64 seq = t->head + ((tag - TAG_OF (t->head)) & 0x7fffffff);
  PyObject *cb;

  if (tag == 0 || seq >= t->next || t->slots == NULL)
    return NULL;
  cb = t->slots[seq & (t->cap - 1)];
  if (cb == NULL)
    return NULL;
  t->slots[seq & (t->cap - 1)] = NULL;
  t->live--;
  while (t->head < t->next && t->slots[t->head & (t->cap - 1)] == NULL)
    t->head++;
  return cb;
}

typedef struct {
  PyObject_HEAD
  PyObject   *topics;       /* dict: str -> index in bufs */
  GPtrArray  *bufs;         /* TopicBuf* */
  Py_ssize_t  nbuf;
  Py_ssize_t  trigger;
  gsize       bytes;        /* of keys and values buffered */
  PyObject   *last_topic;   /* borrowed: the str a TopicBuf holds */
  TopicBuf   *last_buf;
  int         gate;
  int         idle;
  Py_ssize_t  max_msg_size;
  PyObject   *hooks;        /* the face's Producer: _check_gate, _check_topic… */
  Tags        tags;         /* the callbacks of the messages in flight */
} Buffer;

static PyTypeObject BufferType;

static void
topic_buf_free (gpointer data)
{
  TopicBuf *b = data;

  for (guint i = 0; i < b->headers->len; i++)
    Py_XDECREF ((PyObject *) g_ptr_array_index (b->headers, i));
  for (guint i = 0; i < b->cbs->len; i++)
    Py_XDECREF ((PyObject *) g_ptr_array_index (b->cbs, i));
  g_byte_array_unref (b->values);
  g_byte_array_unref (b->keys);
  g_array_unref (b->vlens);
  g_array_unref (b->klens);
  g_array_unref (b->parts);
  g_array_unref (b->timestamps);
  g_ptr_array_unref (b->headers);
  g_ptr_array_unref (b->cbs);
  Py_XDECREF (b->topic);
  g_free (b);
}

static TopicBuf *
topic_buf_new (PyObject *topic)
{
  TopicBuf *b = g_new0 (TopicBuf, 1);

  b->topic = topic;
  Py_INCREF (topic);
  b->topic_c = PyUnicode_AsUTF8 (topic);
  b->values = g_byte_array_new ();
  b->keys = g_byte_array_new ();
  b->vlens = g_array_new (FALSE, FALSE, sizeof (gint32));
  b->klens = g_array_new (FALSE, FALSE, sizeof (gint32));
  b->parts = g_array_new (FALSE, FALSE, sizeof (gint32));
  b->timestamps = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->headers = g_ptr_array_new ();
  b->cbs = g_ptr_array_new ();
  return b;
}

/* Drops the first @k messages of a topic's columns (they were queued). */
static void
topic_buf_drop (TopicBuf *b,
                guint     k,
                gboolean  release)
{
  gsize vbytes = 0, kbytes = 0;

  if (k == 0)
    return;
  for (guint i = 0; i < k; i++)
    {
      vbytes += MAX (g_array_index (b->vlens, gint32, i), 0);
      kbytes += MAX (g_array_index (b->klens, gint32, i), 0);
      if (release)
        {
          Py_XDECREF ((PyObject *) g_ptr_array_index (b->headers, i));
          Py_XDECREF ((PyObject *) g_ptr_array_index (b->cbs, i));
        }
    }
  g_byte_array_remove_range (b->values, 0, vbytes);
  g_byte_array_remove_range (b->keys, 0, kbytes);
  g_array_remove_range (b->vlens, 0, k);
  g_array_remove_range (b->klens, 0, k);
  g_array_remove_range (b->parts, 0, k);
  g_array_remove_range (b->timestamps, 0, k);
  g_ptr_array_remove_range (b->headers, 0, k);
  g_ptr_array_remove_range (b->cbs, 0, k);
  b->n -= k;
  if (b->n == 0)
    b->any_key = b->any_part = b->any_ts = b->any_headers = b->any_cb = FALSE;
}

/* A Buffer holds callbacks and its producer: it takes part in the garbage
 * collector's cycle detection (a callback that refers to its producer is a
 * cycle through it). */
static int
buffer_traverse (Buffer    *self,
                 visitproc  visit,
                 void      *arg)
{
  Py_VISIT (self->topics);
  Py_VISIT (self->hooks);
  for (guint64 s = self->tags.head; self->tags.slots != NULL && s < self->tags.next; s++)
    Py_VISIT (self->tags.slots[s & (self->tags.cap - 1)]);
  for (guint t = 0; self->bufs != NULL && t < self->bufs->len; t++)
    {
      TopicBuf *b = g_ptr_array_index (self->bufs, t);

      for (guint i = 0; i < b->n; i++)
        {
          Py_VISIT ((PyObject *) g_ptr_array_index (b->cbs, i));
          Py_VISIT ((PyObject *) g_ptr_array_index (b->headers, i));
        }
    }
  return 0;
}

static int
buffer_clear (Buffer *self)
{
  Py_CLEAR (self->topics);
  Py_CLEAR (self->hooks);
  tags_clear (&self->tags);
  self->last_topic = NULL;
  self->last_buf = NULL;
  g_clear_pointer (&self->bufs, g_ptr_array_unref);
  self->nbuf = 0;
  return 0;
}

static void
buffer_dealloc (Buffer *self)
{
  PyObject_GC_UnTrack (self);
  buffer_clear (self);
  Py_TYPE (self)->tp_free ((PyObject *) self);
}

static int
buffer_init (Buffer   *self,
             PyObject *args,
             PyObject *kwargs)
{
  PyObject *hooks;
  Py_ssize_t max_msg_size, trigger;

  if (!PyArg_ParseTuple (args, "Onn", &hooks, &max_msg_size, &trigger))
    return -1;
  Py_XSETREF (self->hooks, (Py_INCREF (hooks), hooks));
  if (self->tags.slots == NULL)
    tags_init (&self->tags);
  if (self->topics == NULL)
    self->topics = PyDict_New ();
  if (self->bufs == NULL)
    self->bufs = g_ptr_array_new_with_free_func (topic_buf_free);
  self->max_msg_size = max_msg_size;
  self->trigger = trigger;
  return self->topics ? 0 : -1;
}

/* A key or value argument: bytes, str (as UTF-8) or None (len -1) */
static int
bytes_arg (PyObject    *obj,
           const char  *what,
           const char **data,
           Py_ssize_t  *len)
{
  if (obj == NULL || obj == Py_None)
    {
      *data = NULL;
      *len = -1;
      return 0;
    }
  if (PyBytes_CheckExact (obj) || PyBytes_Check (obj))
    {
      *data = PyBytes_AS_STRING (obj);
      *len = PyBytes_GET_SIZE (obj);
      return 0;
    }
  if (PyUnicode_Check (obj))
    {
      *data = PyUnicode_AsUTF8AndSize (obj, len);
      return *data ? 0 : -1;
    }
  PyErr_Format (PyExc_TypeError, "%s must be str, bytes or None, not %.100s",
                what, Py_TYPE (obj)->tp_name);
  return -1;
}

static const char *produce_kwlist[] = {
  "topic", "value", "key", "partition", "on_delivery", "callback", "timestamp", "headers", NULL
};
/* the same, interned: a call's keyword names are, so compare pointers first */
static PyObject *produce_kwnames[8];

/* produce(topic, value=None, key=None, partition=-1, on_delivery=None,
 *         callback=None, timestamp=0, headers=None) */
static PyObject *
buffer_produce (Buffer           *self,
                PyObject *const  *args,
                Py_ssize_t        nargs,
                PyObject         *kwnames)
{
  PyObject *a[8] = { NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  PyObject *topic, *index, *cb, *headers = NULL, *r;
  const char *vdata, *kdata;
  Py_ssize_t vlen, klen, hsize = 0, size;
  long partition = -1;
  long long timestamp = 0;
  TopicBuf *b;
  gint32 v32, k32, p32;
  gint64 ts;

  if (nargs > 8)
    {
      PyErr_Format (PyExc_TypeError, "produce() takes at most 8 arguments (%zd given)", nargs);
      return NULL;
    }
  for (Py_ssize_t i = 0; i < nargs; i++)
    a[i] = args[i];
  if (kwnames != NULL)
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE (kwnames); k++)
      {
        PyObject *kw = PyTuple_GET_ITEM (kwnames, k);
        int j;

        for (j = 0; produce_kwlist[j] != NULL; j++)
          if (kw == produce_kwnames[j])
            break;
        if (produce_kwlist[j] == NULL)
          for (j = 0; produce_kwlist[j] != NULL; j++)
            if (PyUnicode_CompareWithASCIIString (kw, produce_kwlist[j]) == 0)
              break;
        if (produce_kwlist[j] == NULL)
          {
            PyErr_Format (PyExc_TypeError, "'%U' is an invalid keyword argument for produce()", kw);
            return NULL;
          }
        if (a[j] != NULL)
          {
            PyErr_Format (PyExc_TypeError, "produce() got multiple values for argument '%s'",
                          produce_kwlist[j]);
            return NULL;
          }
        a[j] = args[nargs + k];
      }
  topic = a[0];
  if (topic == NULL)
    {
      PyErr_SetString (PyExc_TypeError, "produce() missing required argument 'topic'");
      return NULL;
    }

  if (self->bufs == NULL)
    {
      PyErr_SetString (PyExc_RuntimeError, "the producer is gone");
      return NULL;
    }
  if (self->gate)
    {
      r = PyObject_CallMethod (self->hooks, "_check_gate", NULL);
      if (r == NULL)
        return NULL;
      Py_DECREF (r);
    }

  /* the same topic object as the last call's: its buffer, at once */
  if (topic == self->last_topic && self->last_buf != NULL)
    {
      b = self->last_buf;
      goto have_buf;
    }
  index = PyUnicode_CheckExact (topic) ? PyDict_GetItemWithError (self->topics, topic) : NULL;
  if (index == NULL)
    {
      /* a new topic: Kafka.py checks its name (type, NUL, Kafka's rule) */
      if (PyErr_Occurred ())
        return NULL;
      r = PyObject_CallMethod (self->hooks, "_check_topic", "O", topic);
      if (r == NULL)
        return NULL;
      Py_DECREF (r);
    }
  if (index == NULL)
    /* another thread may have added it while the check ran */
    index = PyDict_GetItemWithError (self->topics, topic);
  if (index == NULL)
    {
      if (PyErr_Occurred ())
        return NULL;
      index = PyLong_FromSize_t (self->bufs->len);
      if (index == NULL || PyDict_SetItem (self->topics, topic, index) < 0)
        {
          Py_XDECREF (index);
          return NULL;
        }
      Py_DECREF (index);
      g_ptr_array_add (self->bufs, topic_buf_new (topic));
      b = g_ptr_array_index (self->bufs, self->bufs->len - 1);
    }
  else
    b = g_ptr_array_index (self->bufs, PyLong_AsSsize_t (index));
  /* b->topic holds a reference to an equal str; remember this one's
   * address only while b holds it too (the same object, most often) */
  if (b->topic == topic)
    {
      self->last_topic = topic;
      self->last_buf = b;
    }

have_buf:
  if (bytes_arg (a[1], "value", &vdata, &vlen) < 0 ||
      bytes_arg (a[2], "key", &kdata, &klen) < 0)
    return NULL;

  if (a[3] != NULL && a[3] != Py_None)
    {
      if (!PyLong_Check (a[3]))
        {
          PyErr_Format (PyExc_TypeError, "partition must be int, not %.100s",
                        Py_TYPE (a[3])->tp_name);
          return NULL;
        }
      partition = PyLong_AsLong (a[3]);
      if (partition == -1 && PyErr_Occurred ())
        return NULL;
      if (partition < -1 || partition > G_MAXINT32)
        {
          r = PyObject_CallMethod (self->hooks, "_bad_partition", "Ol", topic, partition);
          Py_XDECREF (r);
          return NULL;
        }
    }
  if (a[6] != NULL && a[6] != Py_None)
    {
      if (!PyLong_Check (a[6]))
        {
          PyErr_Format (PyExc_TypeError, "timestamp must be int (milliseconds), not %.100s",
                        Py_TYPE (a[6])->tp_name);
          return NULL;
        }
      timestamp = PyLong_AsLongLong (a[6]);
      if (timestamp == -1 && PyErr_Occurred ())
        return NULL;
    }
  if (a[7] != NULL && a[7] != Py_None)
    {
      /* Kafka.py checks and normalizes them: [(str, bytes|None)] and size */
      r = PyObject_CallMethod (self->hooks, "_headers_arg", "O", a[7]);
      if (r == NULL)
        return NULL;
      headers = PyTuple_GET_ITEM (r, 0);
      hsize = PyLong_AsSsize_t (PyTuple_GET_ITEM (r, 1));
      Py_INCREF (headers);
      Py_DECREF (r);
      if (headers == Py_None)
        Py_CLEAR (headers);
    }

  size = MSG_OVERHEAD + MAX (vlen, 0) + MAX (klen, 0) + hsize;
  if (size > self->max_msg_size)
    {
      Py_XDECREF (headers);
      r = PyObject_CallMethod (self->hooks, "_too_large", "n", size);
      Py_XDECREF (r);
      return NULL;
    }

  cb = a[4] != NULL && a[4] != Py_None ? a[4] : a[5];
  if (cb == Py_None)
    cb = NULL;
  if (cb != NULL && !PyCallable_Check (cb))
    {
      Py_XDECREF (headers);
      PyErr_Format (PyExc_TypeError, "on_delivery must be callable, not %.100s",
                    Py_TYPE (cb)->tp_name);
      return NULL;
    }

  /* about 1 MB at most: large messages are held twice until handed over */
  if (self->nbuf + 1 > self->trigger || self->bytes > (1 << 20))
    {
      /* the buffer is full, or librdkafka's queue may be: Kafka.py hands
       * over and counts the room left (BufferError if there is none) */
      r = PyObject_CallMethod (self->hooks, "_make_room", NULL);
      if (r == NULL)
        {
          Py_XDECREF (headers);
          return NULL;
        }
      Py_DECREF (r);
    }

  v32 = (gint32) vlen;
  k32 = (gint32) klen;
  p32 = (gint32) partition;
  ts = timestamp;
  if (vlen > 0)
    g_byte_array_append (b->values, (const guint8 *) vdata, (guint) vlen);
  if (klen > 0)
    g_byte_array_append (b->keys, (const guint8 *) kdata, (guint) klen);
  g_array_append_val (b->vlens, v32);
  g_array_append_val (b->klens, k32);
  g_array_append_val (b->parts, p32);
  g_array_append_val (b->timestamps, ts);
  g_ptr_array_add (b->headers, headers);
  Py_XINCREF (cb);
  g_ptr_array_add (b->cbs, cb);
  b->n++;
  b->any_key |= klen >= 0;
  b->any_part |= partition != -1;
  b->any_ts |= timestamp != 0;
  b->any_headers |= headers != NULL;
  b->any_cb |= cb != NULL;

  self->bytes += MAX (vlen, 0) + MAX (klen, 0);
  if (++self->nbuf == 1 && !self->idle)
    {
      r = PyObject_CallMethod (self->hooks, "_schedule_hand_over", NULL);
      if (r == NULL)
        return NULL;
      Py_DECREF (r);
    }
  Py_RETURN_NONE;
}

/* An item of a message the core refused, for Kafka.py to report:
 * (topic, value, key, partition, headers, callback) */
static PyObject *
topic_buf_item (TopicBuf *b,
                guint     i)
{
  gsize vpos = 0, kpos = 0;
  PyObject *headers = g_ptr_array_index (b->headers, i);
  PyObject *cb = g_ptr_array_index (b->cbs, i);

  for (guint j = 0; j < i; j++)
    {
      vpos += MAX (g_array_index (b->vlens, gint32, j), 0);
      kpos += MAX (g_array_index (b->klens, gint32, j), 0);
    }
  return Py_BuildValue ("(ONNiOO)", b->topic,
                        bytes_or_none (b->values->data + vpos, g_array_index (b->vlens, gint32, i)),
                        bytes_or_none (b->keys->data + kpos, g_array_index (b->klens, gint32, i)),
                        (int) g_array_index (b->parts, gint32, i),
                        headers ? headers : Py_None, cb ? cb : Py_None);
}

static KafkaHeaders *
core_headers (PyObject *list)
{
  KafkaHeaders *h = kafka_headers_new ();

  for (Py_ssize_t i = 0; i < PyList_GET_SIZE (list); i++)
    {
      PyObject *pair = PyList_GET_ITEM (list, i);
      PyObject *value = PyTuple_GET_ITEM (pair, 1);
      const char *name = PyUnicode_AsUTF8 (PyTuple_GET_ITEM (pair, 0));

      if (name == NULL)
        {
          g_object_unref (h);
          return NULL;
        }
      if (value == Py_None)
        kafka_headers_add (h, name, NULL, -1);
      else
        kafka_headers_add (h, name, (const guint8 *) PyBytes_AS_STRING (value),
                           PyBytes_GET_SIZE (value));
    }
  return h;
}

/* Hands one topic's columns to the core; returns how many were taken (queued,
 * or refused and appended to @failures as (item, code, message)), and sets
 * *full when the local queue is full. -1 with a Python exception set. */
static Py_ssize_t
topic_buf_send (Buffer        *self,
                KafkaProducer *producer,
                TopicBuf      *b,
                PyObject      *failures,
                gboolean      *full)
{
  Py_ssize_t taken = 0;

  while (b->n > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) headers = NULL;
      g_autofree guint32 *tags = NULL;
      guint n = b->n, queued;
      gboolean tagged = b->any_cb;

      if (tagged)
        {
          /* filed before the call: another thread running the producer's
           * context may serve a report before it returns. A message with
           * no callback of its own has no tag: the default callback's. */
          tags = g_new (guint32, n);
          for (guint i = 0; i < n; i++)
            {
              PyObject *cb = g_ptr_array_index (b->cbs, i);

              tags[i] = cb != NULL ? tags_add (&self->tags, cb) : 0;
            }
        }
      if (b->any_headers)
        {
          headers = g_ptr_array_new ();
          for (guint i = 0; i < n; i++)
            {
              PyObject *list = g_ptr_array_index (b->headers, i);
              KafkaHeaders *h = list ? core_headers (list) : NULL;

              if (list != NULL && h == NULL)
                {
                  for (guint j = 0; j < headers->len; j++)
                    if (g_ptr_array_index (headers, j) != NULL)
                      g_object_unref (g_ptr_array_index (headers, j));
                  return -1;
                }
              g_ptr_array_add (headers, h);
            }
        }

      queued = kafka_producer_produce_batch_full (producer, b->topic_c,
                                                  b->any_part ? (gint32 *) (void *) b->parts->data : NULL,
                                                  b->any_part ? n : 0,
                                                  b->values->data, b->values->len,
                                                  (gint32 *) (void *) b->vlens->data, n,
                                                  b->any_key ? b->keys->data : NULL,
                                                  b->any_key ? b->keys->len : 0,
                                                  b->any_key ? (gint32 *) (void *) b->klens->data : NULL,
                                                  b->any_key ? n : 0,
                                                  b->any_ts ? (gint64 *) (void *) b->timestamps->data : NULL,
                                                  b->any_ts ? n : 0,
                                                  headers,
                                                  tags, tags ? n : 0,
                                                  &error);
      if (headers != NULL)
        for (guint i = 0; i < headers->len; i++)
          if (g_ptr_array_index (headers, i) != NULL)
            g_object_unref (g_ptr_array_index (headers, i));

      if (tagged)
        for (guint i = queued; i < n; i++)
          Py_XDECREF (tags_take (&self->tags, tags[i]));

      topic_buf_drop (b, queued, TRUE);
      taken += queued;
      if (error == NULL)
        continue;
      if (g_error_matches (error, KAFKA_ERROR, KAFKA_ERROR_QUEUE_FULL))
        {
          *full = TRUE;
          return taken;
        }
      {
        /* the first message left cannot be queued: Kafka.py reports it */
        PyObject *item = topic_buf_item (b, 0);
        PyObject *failure = item ? Py_BuildValue ("(Nis)", item, error->domain == KAFKA_ERROR
                                                  ? error->code : KAFKA_ERROR_FAIL,
                                                  error->message) : NULL;

        if (failure == NULL || PyList_Append (failures, failure) < 0)
          {
            Py_XDECREF (failure);
            return -1;
          }
        Py_DECREF (failure);
        topic_buf_drop (b, 1, TRUE);
        taken++;
      }
    }
  return taken;
}

/* send(producer) -> failures: hands every topic over; what the full queue
 * has no room for stays */
static PyObject *
buffer_send (Buffer   *self,
             PyObject *arg)
{
  KafkaProducer *producer = wrapper_gobject (arg, KAFKA_TYPE_PRODUCER);
  PyObject *failures;
  gboolean full = FALSE;
  Py_ssize_t left = 0;

  if (producer == NULL)
    return NULL;
  if (self->bufs == NULL)
    return PyList_New (0);
  failures = PyList_New (0);
  if (failures == NULL)
    return NULL;
  for (guint t = 0; t < self->bufs->len; t++)
    {
      TopicBuf *b = g_ptr_array_index (self->bufs, t);

      if (!full && b->n > 0 && topic_buf_send (self, producer, b, failures, &full) < 0)
        {
          Py_DECREF (failures);
          return NULL;
        }
      left += b->n;
    }
  self->nbuf = left;
  self->bytes = 0;
  for (guint t = 0; t < self->bufs->len; t++)
    {
      TopicBuf *b = g_ptr_array_index (self->bufs, t);

      self->bytes += b->values->len + b->keys->len;
    }
  if (left > 0)
    self->trigger = left;
  return failures;
}

/* take_all() -> [item]: every buffered message, for purge */
static PyObject *
buffer_take_all (Buffer   *self,
                 PyObject *unused)
{
  PyObject *items = PyList_New (0);

  if (items == NULL)
    return NULL;
  for (guint t = 0; self->bufs != NULL && t < self->bufs->len; t++)
    {
      TopicBuf *b = g_ptr_array_index (self->bufs, t);

      for (guint i = 0; i < b->n; i++)
        {
          PyObject *item = topic_buf_item (b, i);

          if (item == NULL || PyList_Append (items, item) < 0)
            {
              Py_XDECREF (item);
              Py_DECREF (items);
              return NULL;
            }
          Py_DECREF (item);
        }
      topic_buf_drop (b, b->n, TRUE);
    }
  self->nbuf = 0;
  self->bytes = 0;
  return items;
}

static PyMethodDef buffer_methods[] = {
  { "produce", (PyCFunction) (void (*) (void)) buffer_produce, METH_FASTCALL | METH_KEYWORDS,
    "The seed's produce(): checks the arguments and buffers the message." },
  { "send", (PyCFunction) buffer_send, METH_O,
    "send(producer) -> failures: hands the buffer to the core." },
  { "take_all", (PyCFunction) buffer_take_all, METH_NOARGS,
    "take_all() -> items: empties the buffer." },
  { NULL }
};

static PyObject *
buffer_get_nbuf (Buffer *self, void *closure)
{
  return PyLong_FromSsize_t (self->nbuf);
}

static PyObject *
buffer_get_trigger (Buffer *self, void *closure)
{
  return PyLong_FromSsize_t (self->trigger);
}

static int
buffer_set_trigger (Buffer *self, PyObject *value, void *closure)
{
  Py_ssize_t v = value ? PyLong_AsSsize_t (value) : -1;

  if (v == -1 && PyErr_Occurred ())
    return -1;
  self->trigger = v;
  return 0;
}

static PyObject *
buffer_get_flag (Buffer *self, void *closure)
{
  return PyBool_FromLong (closure ? self->idle : self->gate);
}

static int
buffer_set_flag (Buffer *self, PyObject *value, void *closure)
{
  int v = value ? PyObject_IsTrue (value) : 0;

  if (v < 0)
    return -1;
  if (closure)
    self->idle = v;
  else
    self->gate = v;
  return 0;
}

static PyObject *
buffer_get_pending (Buffer *self, void *closure)
{
  return PyLong_FromSsize_t (self->tags.live);
}

static PyGetSetDef buffer_getset[] = {
  { "nbuf", (getter) buffer_get_nbuf, NULL, "messages buffered", NULL },
  { "pending_callbacks", (getter) buffer_get_pending, NULL,
    "callbacks of messages in flight, waiting for their reports", NULL },
  { "trigger", (getter) buffer_get_trigger, (setter) buffer_set_trigger,
    "produce() calls _make_room() when the buffer would pass this", NULL },
  { "gate", (getter) buffer_get_flag, (setter) buffer_set_flag,
    "produce() calls _check_gate() first", NULL },
  { "idle", (getter) buffer_get_flag, (setter) buffer_set_flag,
    "an idle hand-over is scheduled", (void *) 1 },
  { NULL }
};

static PyTypeObject BufferType = {
  PyVarObject_HEAD_INIT (NULL, 0)
  .tp_name = "gi.overrides._kafkaface.Buffer",
  .tp_basicsize = sizeof (Buffer),
  .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
  .tp_doc = "A producer's buffer of messages, per topic, as columns.",
  .tp_traverse = (traverseproc) buffer_traverse,
  .tp_clear = (inquiry) buffer_clear,
  .tp_new = PyType_GenericNew,
  .tp_init = (initproc) buffer_init,
  .tp_dealloc = (destructor) buffer_dealloc,
  .tp_methods = buffer_methods,
  .tp_getset = buffer_getset,
};

/* ------------------------------------------------------------------------ */

/* ------------------------------------------------------------------------ */
/* deliver(batch, buffer, default_cb, only_errors, make_error, cols, failed,
 *         serving, stop) -> [(cb, err, msg)] left to call: when a callback
 * raises while a call serves the batch (serving), or from the start (stop).
 * Each message's callback is the one filed in the buffer under its tag, or
 * default_cb. */

static PyObject *
deliver (PyObject *module,
         PyObject *args)
{
  PyObject *batch_wrapper, *default_cb, *make_error, *cols, *failed;
  Buffer *buffer;
  PyObject *topic = NULL, *rest = NULL, *errors = NULL;
  int only_errors, serving, stop;
  KafkaMessageBatch *batch;
  guint n;
  const char *name;

  if (!PyArg_ParseTuple (args, "OO!OpOOOpp", &batch_wrapper, &BufferType, &buffer, &default_cb,
                         &only_errors, &make_error, &cols, &failed, &serving, &stop))
    return NULL;
  batch = wrapper_gobject (batch_wrapper, KAFKA_TYPE_MESSAGE_BATCH);
  if (batch == NULL)
    return NULL;

  rest = PyList_New (0);
  errors = PyDict_New ();
  if (rest == NULL || errors == NULL)
    goto fail;
  n = kafka_message_batch_get_length (batch);
  if (n == 0)
    goto out;
  name = kafka_message_batch_get_topic (batch, 0);
  if (name != NULL)
    {
      topic = PyUnicode_FromString (name);
      if (topic == NULL)
        goto fail;
    }

  for (guint i = 0; i < n; i++)
    {
      PyObject *cb = NULL, *err = NULL, *result;
      KafkaMessageView v;
      Message *m;

      kafka_message_batch_peek (batch, i, &v);
      if (v.tag != 0)
        cb = tags_take (&buffer->tags, v.tag);
      if (cb == NULL)
        {
          cb = default_cb;
          Py_INCREF (cb);
        }
      if (cb == Py_None || (only_errors && v.error_code == 0))
        {
          Py_DECREF (cb);
          continue;
        }

      if (v.error_code != 0)
        {
          /* one KafkaError per code and batch */
          PyObject *code = PyLong_FromLong (v.error_code);

          err = code ? PyDict_GetItemWithError (errors, code) : NULL;
          if (err != NULL)
            Py_INCREF (err);
          else if (code != NULL && !PyErr_Occurred ())
            {
              err = PyObject_CallFunctionObjArgs (make_error, code, NULL);
              if (err != NULL && PyDict_SetItem (errors, code, err) < 0)
                Py_CLEAR (err);
            }
          Py_XDECREF (code);
          if (err == NULL)
            {
              Py_DECREF (cb);
              goto fail;
            }
        }

      m = message_alloc ();
      if (m == NULL)
        {
          Py_DECREF (cb);
          Py_XDECREF (err);
          goto fail;
        }
      m->error = err;  /* the reference is the message's now */
      m->topic = topic;
      Py_XINCREF (topic);
      m->partition = v.partition;
      m->offset = v.offset;
      m->cols = cols;
      Py_INCREF (cols);
      m->index = (int) i;
      m->lazy = LAZY_ALL;
      PyObject_GC_Track (m);

      if (stop)
        {
          PyObject *item = PyTuple_Pack (3, cb, err ? err : Py_None, (PyObject *) m);

          Py_DECREF (cb);
          Py_DECREF (m);
          if (item == NULL || PyList_Append (rest, item) < 0)
            {
              Py_XDECREF (item);
              goto fail;
            }
          Py_DECREF (item);
          continue;
        }

      result = PyObject_CallFunctionObjArgs (cb, err ? err : Py_None, (PyObject *) m, NULL);
      Py_DECREF (cb);
      Py_DECREF (m);
      if (result != NULL)
        {
          Py_DECREF (result);
          continue;
        }

      /* the callback raised: the face keeps (or logs) it; a call that
       * serves this batch stops here and raises it, the rest wait */
      {
        PyObject *type, *value, *tb, *r;

        PyErr_Fetch (&type, &value, &tb);
        PyErr_NormalizeException (&type, &value, &tb);
        if (tb != NULL)
          PyException_SetTraceback (value, tb);
        r = PyObject_CallFunctionObjArgs (failed, value, NULL);
        Py_XDECREF (type);
        Py_XDECREF (value);
        Py_XDECREF (tb);
        if (r == NULL)
          goto fail;
        Py_DECREF (r);
        stop = serving;
      }
    }
  goto out;

fail:
  Py_CLEAR (rest);
out:
  Py_XDECREF (topic);
  Py_XDECREF (errors);
  return rest;
}

/* _selftest_tags() -> None: the tag ring's corner cases, for the unit
 * tests (raises AssertionError naming the first that fails) */
#define TAGS_CHECK(cond) \
  do { if (!(cond)) { tags_clear (&t); \
         PyErr_SetString (PyExc_AssertionError, "tag ring: " #cond); return NULL; } } while (0)

static PyObject *
selftest_tags (PyObject *module,
               PyObject *unused)
{
  PyObject *cbs[5000];
  guint32 tags[5000];
  Tags t;

  for (int i = 0; i < 5000; i++)
    cbs[i] = PyLong_FromLong (i);   /* distinct objects (small ints are shared) */

  tags_init (&t);
  /* around the 31-bit wrap, with the ring growing past its first 1024 slots */
  t.head = t.next = ((guint64) 1 << 31) - 2500;
  for (int i = 0; i < 5000; i++)
    {
      tags[i] = tags_add (&t, cbs[i]);
      TAGS_CHECK (tags[i] != 0);
    }
  TAGS_CHECK (t.live == 5000);
  TAGS_CHECK (t.cap >= 5000);
  /* out of order: every odd one first, then the even ones backwards */
  for (int i = 1; i < 5000; i += 2)
    {
      PyObject *cb = tags_take (&t, tags[i]);

      TAGS_CHECK (cb == cbs[i]);
      Py_DECREF (cb);
      TAGS_CHECK (tags_take (&t, tags[i]) == NULL);
    }
  for (int i = 4998; i >= 0; i -= 2)
    {
      PyObject *cb = tags_take (&t, tags[i]);

      TAGS_CHECK (cb == cbs[i]);
      Py_DECREF (cb);
    }
  TAGS_CHECK (t.live == 0);
  TAGS_CHECK (t.head == t.next);
  /* tag 0 and tags never given find nothing */
  TAGS_CHECK (tags_take (&t, 0) == NULL);
  TAGS_CHECK (tags_take (&t, tags[0]) == NULL);
  tags_clear (&t);
  for (int i = 0; i < 5000; i++)
    Py_DECREF (cbs[i]);
  Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
  { "_selftest_tags", selftest_tags, METH_NOARGS, NULL },
  { "message", message_make, METH_VARARGS,
    "message(error, topic, partition, offset, key, value, headers, tstype, timestamp, "
    "latency) -> Message" },
  { "last_offsets", last_offsets, METH_O,
    "last_offsets(messages) -> {(topic, partition): offset} of the messages that are not events" },
  { "key_of", message_key_of, METH_O, "key_of(message) -> (topic, partition)" },
  { "consumed", consumed, METH_VARARGS,
    "consumed(batch, make_error) -> ([Message], bytes): a consumed batch's\n"
    "messages, and their values' total length." },
  { "deliver", deliver, METH_VARARGS,
    "deliver(batch, buffer, default_cb, only_errors, make_error, cols, failed, serving, stop) -> "
    "[(cb, err, msg)]: calls each delivery report's callback; returns those left." },
  { NULL }
};

static struct PyModuleDef module_def = {
  PyModuleDef_HEAD_INIT,
  .m_name = "_kafkaface",
  .m_doc = "The hot loops of kafka-glib's Python face (gi/overrides/Kafka.py).",
  .m_size = -1,
  .m_methods = module_methods,
};

PyMODINIT_FUNC
PyInit__kafkaface (void)
{
  PyObject *m;

  if (PyType_Ready (&BufferType) < 0 || PyType_Ready (&MessageType) < 0)
    return NULL;
  for (int j = 0; produce_kwlist[j] != NULL; j++)
    if ((produce_kwnames[j] = PyUnicode_InternFromString (produce_kwlist[j])) == NULL)
      return NULL;
  m = PyModule_Create (&module_def);
  if (m == NULL)
    return NULL;
  Py_INCREF (&BufferType);
  Py_INCREF (&MessageType);
  if (PyModule_AddObject (m, "Buffer", (PyObject *) &BufferType) < 0 ||
      PyModule_AddObject (m, "Message", (PyObject *) &MessageType) < 0)
    {
      Py_DECREF (m);
      return NULL;
    }
  return m;
}
