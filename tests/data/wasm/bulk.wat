;; Bulk memory and reference types: passive data segments used by memory.init (so the module
;; has a DataCount section), passive, declarative and explicitly indexed element segments, with
;; function indices and with expressions (ref.func, ref.null), and two tables.
(module
  (type $void (func))
  (table $funcs 4 funcref)
  (table $refs 2 externref)
  (table $more 8 funcref)
  (memory 1)
  (func $a (type $void))
  (func $b (type $void)
    (memory.init $greeting (i32.const 0) (i32.const 0) (i32.const 5))
    (data.drop $greeting)
    (table.init $more $passive (i32.const 0) (i32.const 0) (i32.const 1))
    (ref.func $a)
    (drop))
  (elem $active (i32.const 1) func $a $b)
  (elem $passive func $b $a $b)
  (elem $declared declare func $a)
  (elem $explicit (table $more) (i32.const 4) func $b)
  (elem $expressions (table $more) (i32.const 6) funcref (ref.func $a) (ref.null func))
  (elem $passive_expressions funcref (ref.null func) (ref.func $b))
  (data $greeting "hello")
  (data $rest (i32.const 100) "world"))
