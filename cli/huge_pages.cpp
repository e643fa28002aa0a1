// tcmalloc's memory from the system in 2 MiB pieces the kernel may back with
// huge pages (MADV_HUGEPAGE), compiled into every executable that links
// tcmalloc (CMakeLists.txt, imputa_malloc). Judging 4,000 operations touches
// about 300 MiB: some 70,000 first touches of a 4 KiB page, each a page
// fault, and a page fault costs about 12 microseconds on a virtual machine
// like the one the benchmarks run on (docs/performance.md, "Fewer wake-ups
// and page faults"). Where the kernel gives no huge page (none free, or
// transparent huge pages off) the memory is ordinary pages, as before.
// Nothing here changes what is computed.
#include <gperftools/malloc_extension.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace {

class HugePieces : public SysAllocator {
public:
  explicit HugePieces(SysAllocator* fallback) : fallback_(fallback) {}

  void* Alloc(std::size_t size, std::size_t* actual_size, std::size_t alignment) override {
    constexpr std::size_t piece = std::size_t{2} << 20;
    const std::size_t align = alignment > piece ? alignment : piece;
    const std::size_t want = (size + piece - 1) / piece * piece;
    if (want < size || want + align < want) return nullptr; // overflow
    void* mapped = mmap(nullptr, want + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) return fallback_ ? fallback_->Alloc(size, actual_size, alignment) : nullptr;
    const auto begin = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t start = (begin + align - 1) / align * align;
    const std::uintptr_t end = begin + want + align;
    if (start > begin) munmap(mapped, start - begin);
    if (end > start + want) munmap(reinterpret_cast<void*>(start + want), end - (start + want));
    madvise(reinterpret_cast<void*>(start), want, MADV_HUGEPAGE); // a hint: ordinary pages if refused
    if (actual_size) *actual_size = want;
    return reinterpret_cast<void*>(start);
  }

private:
  SysAllocator* fallback_;
};

const bool installed = [] {
  MallocExtension* m = MallocExtension::instance();
  static HugePieces pieces(m->GetSystemAllocator());
  m->SetSystemAllocator(&pieces);
  return true;
}();

} // namespace
