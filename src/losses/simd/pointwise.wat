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

  ;; log t, as fdlibm's e_log.c (which V8's Math.log is) computes it, bit for bit, for normal t > 0
  ;; (2^-1022 <= t < inf); NaN for every other t, so that the caller's plain loop takes over.
  ;; t = 2^k * (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), then one of e_log.c's three formulas
  ;; for log(1 + f) + k ln 2, chosen per lane. e_log.c's separate k = 0 and f = 0 returns are
  ;; these formulas with k = 0 and f = 0, bit for bit, so they need no lanes of their own.
  ;;
  ;; The logarithm's constants, as globals: V8 builds a v128.const anew at each use (three or four
  ;; instructions), where a global is one load from the instance. They are mutable only so that
  ;; V8 keeps them in memory instead of folding them back into constants; nothing writes them.
  (global $HX_MANT (mut v128) (v128.const i64x2 0xfffff 0xfffff))
  (global $HX_SQRT2 (mut v128) (v128.const i64x2 0x95f64 0x95f64))
  (global $HX_BIT20 (mut v128) (v128.const i64x2 0x100000 0x100000))
  (global $BIAS (mut v128) (v128.const i64x2 1023 1023))
  (global $HX_ONE (mut v128) (v128.const i64x2 0x3ff00000 0x3ff00000))
  (global $LOW_WORD (mut v128) (v128.const i64x2 0xffffffff 0xffffffff))
  (global $ONE (mut v128) (v128.const f64x2 1 1))
  (global $ROUND_BITS (mut v128) (v128.const i64x2 0x4338000000000000 0x4338000000000000))
  (global $ROUND (mut v128) (v128.const f64x2 6755399441055744 6755399441055744))
  (global $LN2_LO (mut v128) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10))
  (global $TWO (mut v128) (v128.const f64x2 2 2))
  (global $TWO_I64 (mut v128) (v128.const i64x2 2 2))
  (global $THREE (mut v128) (v128.const i64x2 3 3))
  (global $HX_LO (mut v128) (v128.const i64x2 0x6147a 0x6147a))
  (global $HX_HI (mut v128) (v128.const i64x2 0x6b851 0x6b851))
  (global $ZERO (mut v128) (v128.const i64x2 0 0))
  (global $LG1 (mut v128) (v128.const f64x2 6.666666666666735130e-01 6.666666666666735130e-01))
  (global $LG2 (mut v128) (v128.const f64x2 3.999999999940941908e-01 3.999999999940941908e-01))
  (global $LG3 (mut v128) (v128.const f64x2 2.857142874366239149e-01 2.857142874366239149e-01))
  (global $LG4 (mut v128) (v128.const f64x2 2.222219843214978396e-01 2.222219843214978396e-01))
  (global $LG5 (mut v128) (v128.const f64x2 1.818357216161805012e-01 1.818357216161805012e-01))
  (global $LG6 (mut v128) (v128.const f64x2 1.531383769920937332e-01 1.531383769920937332e-01))
  (global $LG7 (mut v128) (v128.const f64x2 1.479819860511658591e-01 1.479819860511658591e-01))
  (global $HALF (mut v128) (v128.const f64x2 0.5 0.5))
  (global $LN2_HI (mut v128) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))
  (global $THIRD (mut v128) (v128.const f64x2 0.33333333333333333 0.33333333333333333))
  (global $NAN (mut v128) (v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000))
  (global $HX_MIN_NORMAL (mut v128) (v128.const i64x2 0x00100000 0x00100000))
  (global $HX_INF (mut v128) (v128.const i64x2 0x7ff00000 0x7ff00000))

  (func $log (param $t v128) (result v128)
    (local $hx v128) (local $hxm v128) (local $i v128) (local $k v128)
    (local $f v128) (local $dk v128) (local $dkl v128) (local $s v128) (local $z v128) (local $w v128)
    (local $r v128) (local $hfsq v128) (local $small v128) (local $hf v128) (local $out v128)
    (local.set $hx (i64x2.shr_u (local.get $t) (i32.const 32)))
    (local.set $hxm (v128.and (local.get $hx) (global.get $HX_MANT)))
    (local.set $i (v128.and (i64x2.add (local.get $hxm) (global.get $HX_SQRT2)) (global.get $HX_BIT20)))
    ;; k = exponent - 1023 + (i >> 20); 1 + f has the high word hxm | (i ^ 0x3ff00000) and t's low word
    (local.set $k (i64x2.add
      (i64x2.sub (i64x2.shr_u (local.get $hx) (i32.const 20)) (global.get $BIAS))
      (i64x2.shr_u (local.get $i) (i32.const 20))))
    (local.set $f (f64x2.sub
      (v128.or
        (i64x2.shl (v128.or (local.get $hxm) (v128.xor (local.get $i) (global.get $HX_ONE))) (i32.const 32))
        (v128.and (local.get $t) (global.get $LOW_WORD)))
      (global.get $ONE)))
    ;; (double) k, exactly: the bits of 1.5 * 2^52 plus k, minus 1.5 * 2^52 (|k| < 1100)
    (local.set $dk (f64x2.sub
      (i64x2.add (global.get $ROUND_BITS) (local.get $k))
      (global.get $ROUND)))
    (local.set $dkl (f64x2.mul (local.get $dk) (global.get $LN2_LO)))
    ;; |f| < 2^-20 where (2 + hxm) & 0xfffff < 3; else e_log.c's i = (hxm - 0x6147a) | (0x6b851 - hxm) > 0 picks hfsq
    (local.set $small (i64x2.lt_s
      (v128.and (i64x2.add (local.get $hxm) (global.get $TWO_I64)) (global.get $HX_MANT))
      (global.get $THREE)))
    (local.set $hf (i64x2.gt_s
      (v128.or
        (i64x2.sub (local.get $hxm) (global.get $HX_LO))
        (i64x2.sub (global.get $HX_HI) (local.get $hxm)))
      (global.get $ZERO)))
    (local.set $s (f64x2.div (local.get $f) (f64x2.add (global.get $TWO) (local.get $f))))
    (local.set $z (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $w (f64x2.mul (local.get $z) (local.get $z)))
    (local.set $r (f64x2.add
      ;; t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)))
      (f64x2.mul (local.get $z) (f64x2.add (global.get $LG1)
        (f64x2.mul (local.get $w) (f64x2.add (global.get $LG3)
          (f64x2.mul (local.get $w) (f64x2.add (global.get $LG5)
            (f64x2.mul (local.get $w) (global.get $LG7))))))))
      ;; t1 = w * (Lg2 + w * (Lg4 + w * Lg6))
      (f64x2.mul (local.get $w) (f64x2.add (global.get $LG2)
        (f64x2.mul (local.get $w) (f64x2.add (global.get $LG4)
          (f64x2.mul (local.get $w) (global.get $LG6))))))))
    (local.set $hfsq (f64x2.mul (f64x2.mul (global.get $HALF) (local.get $f)) (local.get $f)))
    ;; dk ln2_hi - (piece - f), piece by formula:
    ;;   small: f^2 (1/2 - f/3) - dk ln2_lo;  hf: hfsq - (s (hfsq + R) + dk ln2_lo);  else: s (f - R) - dk ln2_lo
    (local.set $out (f64x2.sub
      (f64x2.mul (local.get $dk) (global.get $LN2_HI))
      (f64x2.sub
        (v128.bitselect
          (f64x2.sub
            (f64x2.mul (f64x2.mul (local.get $f) (local.get $f))
              (f64x2.sub (global.get $HALF) (f64x2.mul (global.get $THIRD) (local.get $f))))
            (local.get $dkl))
          (v128.bitselect
            (f64x2.sub (local.get $hfsq) (f64x2.add (f64x2.mul (local.get $s) (f64x2.add (local.get $hfsq) (local.get $r))) (local.get $dkl)))
            (f64x2.sub (f64x2.mul (local.get $s) (f64x2.sub (local.get $f) (local.get $r))) (local.get $dkl))
            (local.get $hf))
          (local.get $small))
        (local.get $f))))
    ;; NaN unless 0x00100000 <= hx < 0x7ff00000: zero, subnormal, negative, infinite or NaN t
    (v128.bitselect
      (local.get $out)
      (global.get $NAN)
      (v128.and
        (i64x2.ge_s (local.get $hx) (global.get $HX_MIN_NORMAL))
        (i64x2.lt_s (local.get $hx) (global.get $HX_INF)))))

  ;; log of every element of x, written at G (for tests: the log above against Math.log).
  (func (export "log") (param $n i32) (param $unused f64) (param $unused2 f64) (result f64)
    (local $i i32) (local $end i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $i) (global.get $G)) (call $log (v128.load (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.const 0))

  ;; kl_div (log_target False): loss t (log t' - x) with t' = t, or 1 where t = 0 (so 0 log 0 = 0),
  ;; gradient -t * scale; y holds the target. A lane whose t' is not a normal positive number
  ;; (negative, subnormal, infinite, NaN) has a NaN loss, and the plain loop reruns.
  (func (export "klDiv") (param $n i32) (param $unused f64) (param $scale f64) (result f64)
    (local $i i32) (local $end i32) (local $t v128) (local $acc v128) (local $sv v128)
    (local.set $sv (f64x2.splat (local.get $scale)))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $t (v128.load (i32.add (local.get $i) (global.get $Y))))
        (local.set $acc (f64x2.add (local.get $acc) (f64x2.sub
          (f64x2.mul (local.get $t)
            (call $log (v128.bitselect (v128.const f64x2 1 1) (local.get $t) (f64x2.eq (local.get $t) (v128.const f64x2 0 0)))))
          (f64x2.mul (local.get $t) (v128.load (local.get $i))))))
        (v128.store (i32.add (local.get $i) (global.get $G)) (f64x2.mul (f64x2.neg (local.get $t)) (local.get $sv)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
)
