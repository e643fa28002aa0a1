// A value held on the heap: for a member that most nodes leave empty, so
// that the nodes stay small. A comparison is 560 bytes inline in the syntax
// tree (272 in a ground formula), and a campaign of 4,000 operations has over
// 100,000 formulas, block fields and rule-instance literals with none
// (docs/performance.md, "The size of the syntax tree"). A value all the
// same: copies are deep, and an empty box reads, and compares, as a default T.
#pragma once

#include <memory>
#include <utility>

namespace imputa {

template <class T>
class Box {
public:
  Box() = default;
  Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {} // NOLINT: a T is a boxed T
  Box(const Box& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) {
    if (this != &other) ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
    return *this;
  }
  Box& operator=(Box&&) noexcept = default;
  ~Box() = default;

  const T& operator*() const { return ptr_ ? *ptr_ : empty(); }
  const T* operator->() const { return &**this; }
  T& operator*() {
    if (!ptr_) ptr_ = std::make_unique<T>();
    return *ptr_;
  }
  T* operator->() { return &**this; }
  friend bool operator==(const Box& a, const Box& b) { return *a == *b; }

private:
  static const T& empty() {
    static const T value{};
    return value;
  }
  std::unique_ptr<T> ptr_;
};

} // namespace imputa
