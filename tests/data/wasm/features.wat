;; Proposals wasm-objdump also reads (assembled with --enable-all): exception tags, imported
;; and defined; several memories, one shared and one 64-bit, and data segments with a memory
;; index; extended constant expressions.
(module
  (type $exn (func (param i32)))
  (import "env" "error" (tag $error (param i32)))
  (import "env" "shared" (memory $shared 1 4 shared))
  (import "env" "base" (global $base i32))
  (tag $local_error (type $exn))
  (memory $big i64 1)
  (memory $small 0 1)
  (global $sum i32 (i32.add (global.get $base) (i32.const 16)))
  (global $product i64 (i64.mul (i64.const 6) (i64.const 7)))
  (export "error" (tag $error))
  (export "local" (tag $local_error))
  (export "big" (memory $big))
  (data (memory $small) (i32.const 8) "small")
  (data (memory $big) (i64.const 4294967296) "big"))
