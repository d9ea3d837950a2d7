;; Globals initialized by ref.func, ref.null and v128.const. wasm-objdump 1.0.32 does not record
;; the type of these three initializers, so it prints the previous initializer's type with a
;; value from uninitialized memory (` - init i32=-3443056`); tests/wasm_objdump.rs compares
;; everything else and checks the example's own lines for them.
(module
  (func $callback)
  (global $first i32 (i32.const 1))
  (global $function funcref (ref.func $callback))
  (global $nothing externref (ref.null extern))
  (global $vector v128 (v128.const i32x4 1 -1 0x12345678 0)))
