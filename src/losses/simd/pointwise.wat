;; SIMD (f64x2) loops for the hottest pointwise losses, compiled to pointwise-wasm.ts by
;; scripts/gen-wasm.mjs. Each function reads one chunk that pointwise-simd.ts has copied into
;; memory: x at X, y at Y, and writes the scaled gradient at G; n is a multiple of 2 (the driver
;; pads an odd chunk with a zero residual, whose loss is +0). It returns the sum of the losses.
;;
;; Per element these compute the very numbers of the JavaScript loops in regression.ts, bit for
;; bit: the two pieces are chosen with v128.bitselect instead of the 0/1 multipliers JavaScript
;; needs. Only the order of the sum differs (two lanes, then the chunks).
(module
  (memory (export "memory") 2)
  ;; X = 0, Y = CHUNK * 8, G = 2 * CHUNK * 8 with CHUNK = 4096 (pointwise-simd.ts)
  (global $Y i32 (i32.const 32768))
  (global $G i32 (i32.const 65536))

  ;; Huber with threshold delta: g = clamp(d, -delta, delta), c = |g| = min(|d|, delta),
  ;; loss = c * (|d| - c / 2), gradient g * scale. The clamps are pmin/pmax (one minpd/maxpd
  ;; each: pmin(p, q) = q < p ? q : p), which give d itself inside, -0 included, and delta
  ;; with the sign of d beyond (at |d| = delta, d is that already), as the JavaScript loop does.
  ;; A NaN d stays NaN here (JavaScript picks -delta), but its loss is NaN either way, and then
  ;; the plain loop reruns everything.
  (func (export "huber") (param $n i32) (param $delta f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32)
    (local $d v128) (local $a v128) (local $g v128) (local $c v128) (local $acc v128)
    (local $dv v128) (local $ndv v128) (local $sv v128) (local $half v128)
    (local.set $dv (f64x2.splat (local.get $delta)))
    (local.set $ndv (f64x2.neg (local.get $dv)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (f64x2.sub
          (v128.load (local.get $i))
          (v128.load (i32.add (local.get $i) (global.get $Y)))))
        (local.set $a (f64x2.abs (local.get $d)))
        (local.set $g (f64x2.pmax (f64x2.pmin (local.get $d) (local.get $dv)) (local.get $ndv)))
        (local.set $c (f64x2.pmin (local.get $a) (local.get $dv)))
        (local.set $acc (f64x2.add (local.get $acc)
          (f64x2.mul (local.get $c) (f64x2.sub (local.get $a) (f64x2.mul (local.get $half) (local.get $c))))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (local.get $g) (local.get $sv)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))

  ;; Smooth L1 with threshold beta: loss = a^2 / 2 / beta within beta, a - beta / 2 beyond;
  ;; gradient d / beta within, sign(d) beyond (-1 at d = 0 when beta = 0, as PyTorch).
  (func (export "smoothL1") (param $n i32) (param $beta f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32)
    (local $d v128) (local $a v128) (local $in v128) (local $acc v128)
    (local $bv v128) (local $hbv v128) (local $sv v128) (local $half v128)
    (local.set $bv (f64x2.splat (local.get $beta)))
    (local.set $half (f64x2.splat (f64.const 0.5)))
    (local.set $hbv (f64x2.mul (local.get $half) (local.get $bv)))
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $d (f64x2.sub
          (v128.load (local.get $i))
          (v128.load (i32.add (local.get $i) (global.get $Y)))))
        (local.set $a (f64x2.abs (local.get $d)))
        (local.set $in (f64x2.lt (local.get $a) (local.get $bv)))
        (local.set $acc (f64x2.add (local.get $acc) (v128.bitselect
          (f64x2.div (f64x2.mul (f64x2.mul (local.get $half) (local.get $a)) (local.get $a)) (local.get $bv))
          (f64x2.sub (local.get $a) (local.get $hbv))
          (local.get $in))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (local.get $sv) (v128.bitselect
          (f64x2.div (local.get $d) (local.get $bv))
          (v128.bitselect (v128.const f64x2 1 1) (v128.const f64x2 -1 -1) (f64x2.gt (local.get $d) (v128.const f64x2 0 0)))
          (local.get $in))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
)
