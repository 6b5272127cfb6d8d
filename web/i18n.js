// Labels in Vietnamese (default) and English, and the formats a school
// office reads: dd/mm/yyyy dates, "1.234.567 đ" amounts, "85,5 %" shares.
const labels = {
  vi: {
    appTitle: 'Cải cách hành chính trường học',
    language: 'English',
    login: 'Đăng nhập',
    logout: 'Đăng xuất',
    apiKey: 'Khóa API',
    apiKeyHelp: 'Khóa do quản trị viên cấp cho tài khoản của bạn (bắt đầu bằng phk_). Khóa không được lưu trên máy này.',
    loggingIn: 'Đang đăng nhập…',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    overview: 'Tổng quan',
    directives: 'Văn bản chỉ đạo',
    reports: 'Báo cáo định kỳ',
    plans: 'Kế hoạch',
    publicPages: 'Dành cho phụ huynh',
    schools: 'Trường',
    school: 'Trường',
    tasksDone: 'Nhiệm vụ hoàn thành',
    ofTasks: (done, total) => `${done}/${total} nhiệm vụ`,
    averageProgress: 'Tiến độ trung bình',
    overdueTasks: 'Nhiệm vụ quá hạn',
    onTimeLate: 'Hoàn thành đúng hạn / trễ hạn',
    onTimeLateLegend: 'Đúng hạn: hoàn thành không muộn hơn hạn; trễ hạn: hoàn thành sau hạn. Phần còn lại chưa hoàn thành.',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    notDone: 'Chưa xong',
    schoolsByCompletion: 'Số trường theo mức hoàn thành',
    schoolsByOverdue: 'Số trường theo số nhiệm vụ quá hạn',
    schoolsByProgress: 'Số trường theo tiến độ trung bình',
    state: 'Tình trạng',
    stateLate: 'Có nhiệm vụ quá hạn',
    stateAtRisk: 'Chậm so với lịch',
    stateOnTrack: 'Đúng tiến độ',
    stateError: 'Không lấy được số liệu',
    atRiskLegend: (p) =>
      `"Chậm so với lịch": tiến độ trung bình thấp hơn phần năm đã qua (${p} %) và còn nhiệm vụ chưa xong.`,
    filterSchools: 'Lọc theo tên trường',
    showMore: (n) => `Xem thêm ${n} trường`,
    exportCsv: 'Tải bảng (CSV)',
    failedSchools: (n) => `${n} trường chưa gửi được số liệu (dịch vụ tạm thời không trả lời).`,
    asOf: 'Số liệu theo danh sách trường ngày',
    staffing: 'Nhân sự, tinh giản',
    finance: 'Tài chính, thanh toán không dùng tiền mặt',
    complaints: 'Phản ánh, kiến nghị, khiếu nại',
    sipas: 'Sự hài lòng (SIPAS)',
    staffCount: 'Tổng số người làm việc',
    downsizingProgress: 'Tiến độ tinh giản biên chế',
    ratingCompletion: 'Đã đánh giá, xếp loại',
    cashlessShare: 'Thu không dùng tiền mặt (theo số tiền)',
    collectionRate: 'Tỷ lệ thu đúng hạn',
    collected: 'Đã thu',
    received: 'Đã tiếp nhận',
    casesOnTime: 'Giải quyết đúng hạn',
    overdueOpen: 'Đang quá hạn',
    sipasIndex: 'Chỉ số hài lòng',
    responses: 'Số phiếu',
    unavailable: 'Chưa có số liệu',
    backToOverview: '← Tổng quan',
    plan: 'Kế hoạch',
    planNumber: 'Số hiệu',
    year: 'Năm',
    noPlans: 'Trường chưa có kế hoạch nào.',
    task: 'Nhiệm vụ',
    code: 'Mục',
    parField: 'Lĩnh vực CCHC',
    dueDate: 'Hạn',
    status: 'Trạng thái',
    progress: 'Tiến độ',
    overdue: 'Quá hạn',
    TASK_STATUS_NOT_STARTED: 'Chưa bắt đầu',
    TASK_STATUS_IN_PROGRESS: 'Đang thực hiện',
    TASK_STATUS_DONE: 'Hoàn thành',
    TASK_STATUS_CANCELLED: 'Đã hủy',
    history: 'Quá trình thực hiện',
    noHistory: 'Chưa có cập nhật tiến độ.',
    recordedAt: 'Ghi nhận lúc',
    reporter: 'Người báo cáo',
    note: 'Nội dung',
    evidence: 'Minh chứng',
    recordProgress: 'Cập nhật tiến độ',
    percentDone: 'Tỷ lệ hoàn thành (%)',
    evidenceNumber: 'Số văn bản minh chứng',
    evidenceTitle: 'Trích yếu',
    evidenceUri: 'Đường dẫn tệp',
    evidenceSha: 'SHA-256 của tệp (64 ký tự)',
    save: 'Lưu',
    saving: 'Đang lưu…',
    saved: 'Đã lưu tiến độ.',
    directiveNumber: 'Số',
    directiveTitle: 'Trích yếu',
    issuedOn: 'Ngày ban hành',
    noDirectives: 'Chưa có văn bản chỉ đạo.',
    reportFamily: 'Loại báo cáo',
    period: 'Kỳ',
    show: 'Xem',
    submitted: 'Đã nộp',
    missing: 'Chưa nộp',
    lateCount: 'Nộp trễ',
    noSuchPage: 'Không có trang này.',
    role_ROLE_SCHOOL_ADMIN: 'Quản trị trường',
    role_ROLE_SCHOOL_STAFF: 'Cán bộ trường',
    role_ROLE_AUTHORITY_OFFICER: 'Cán bộ cơ quan quản lý',
    role_ROLE_ADMIN: 'Quản trị hệ thống',
    schoolsInScope: (n) => `${n} trường`,
  },
  en: {
    appTitle: 'School administrative reform',
    language: 'Tiếng Việt',
    login: 'Log in',
    logout: 'Log out',
    apiKey: 'API key',
    apiKeyHelp: 'The key an administrator issued to your account (starts with phk_). It is not stored on this computer.',
    loggingIn: 'Logging in…',
    loading: 'Loading…',
    retry: 'Retry',
    overview: 'Overview',
    directives: 'Directives',
    reports: 'Periodic reports',
    plans: 'Plans',
    publicPages: 'For parents',
    schools: 'Schools',
    school: 'School',
    tasksDone: 'Tasks done',
    ofTasks: (done, total) => `${done} of ${total} tasks`,
    averageProgress: 'Average progress',
    overdueTasks: 'Overdue tasks',
    onTimeLate: 'Done on time / late',
    onTimeLateLegend: 'On time: done no later than the due date; late: done after it. The rest is not done yet.',
    onTime: 'On time',
    late: 'Late',
    notDone: 'Not done',
    schoolsByCompletion: 'Schools by share of tasks done',
    schoolsByOverdue: 'Schools by overdue tasks',
    schoolsByProgress: 'Schools by average progress',
    state: 'State',
    stateLate: 'Has overdue tasks',
    stateAtRisk: 'Behind schedule',
    stateOnTrack: 'On track',
    stateError: 'No data',
    atRiskLegend: (p) =>
      `"Behind schedule": average progress below the share of the year gone by (${p} %) with tasks still open.`,
    filterSchools: 'Filter by school name',
    showMore: (n) => `Show ${n} more schools`,
    exportCsv: 'Download table (CSV)',
    failedSchools: (n) => `${n} schools did not answer (a service is temporarily unavailable).`,
    asOf: 'Schools as listed on',
    staffing: 'Staffing and downsizing',
    finance: 'Finance and cashless payments',
    complaints: 'Feedback, petitions, complaints',
    sipas: 'Satisfaction (SIPAS)',
    staffCount: 'People employed',
    downsizingProgress: 'Downsizing progress',
    ratingCompletion: 'Ratings recorded',
    cashlessShare: 'Cashless collections (by amount)',
    collectionRate: 'Collected on time',
    collected: 'Collected',
    received: 'Received',
    casesOnTime: 'Resolved on time',
    overdueOpen: 'Overdue now',
    sipasIndex: 'Satisfaction index',
    responses: 'Responses',
    unavailable: 'No data yet',
    backToOverview: '← Overview',
    plan: 'Plan',
    planNumber: 'Number',
    year: 'Year',
    noPlans: 'The school has no plan yet.',
    task: 'Task',
    code: 'Item',
    parField: 'PAR field',
    dueDate: 'Due',
    status: 'Status',
    progress: 'Progress',
    overdue: 'Overdue',
    TASK_STATUS_NOT_STARTED: 'Not started',
    TASK_STATUS_IN_PROGRESS: 'In progress',
    TASK_STATUS_DONE: 'Done',
    TASK_STATUS_CANCELLED: 'Cancelled',
    history: 'Progress history',
    noHistory: 'No progress recorded yet.',
    recordedAt: 'Recorded at',
    reporter: 'Reported by',
    note: 'Note',
    evidence: 'Evidence',
    recordProgress: 'Record progress',
    percentDone: 'Percent done',
    evidenceNumber: 'Evidence document number',
    evidenceTitle: 'Title',
    evidenceUri: 'Link to the file',
    evidenceSha: 'SHA-256 of the file (64 characters)',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Progress saved.',
    directiveNumber: 'Number',
    directiveTitle: 'Title',
    issuedOn: 'Issued on',
    noDirectives: 'No directives yet.',
    reportFamily: 'Report',
    period: 'Period',
    show: 'Show',
    submitted: 'Submitted',
    missing: 'Missing',
    lateCount: 'Late',
    noSuchPage: 'No such page.',
    role_ROLE_SCHOOL_ADMIN: 'School administrator',
    role_ROLE_SCHOOL_STAFF: 'School staff',
    role_ROLE_AUTHORITY_OFFICER: 'Authority officer',
    role_ROLE_ADMIN: 'System administrator',
    schoolsInScope: (n) => `${n} schools`,
  },
};

let lang = localStorage.getItem('parhub.lang') === 'en' ? 'en' : 'vi';

export function currentLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'vi';
  localStorage.setItem('parhub.lang', lang);
  document.documentElement.lang = lang;
}

// The label `key` (a function label is called with `args`).
export function t(key, ...args) {
  const label = labels[lang][key] ?? labels.vi[key] ?? key;
  return typeof label === 'function' ? label(...args) : label;
}

const locale = () => (lang === 'en' ? 'en-GB' : 'vi-VN');

export function formatDate(date) {
  if (!date || !date.year) return '';
  const dd = String(date.day).padStart(2, '0');
  const mm = String(date.month).padStart(2, '0');
  return `${dd}/${mm}/${date.year}`;
}

export function formatTime(timestamp) {
  if (!timestamp) return '';
  return new Date(timestamp).toLocaleString(locale(), { timeZone: 'Asia/Ho_Chi_Minh' });
}

export function formatNumber(n, digits = 0) {
  return Number(n || 0).toLocaleString(locale(), { maximumFractionDigits: digits });
}

export function formatPercent(n) {
  return `${formatNumber(n, 1)} %`;
}

export function formatMoney(amount) {
  return `${formatNumber(Number(amount || 0))} đ`;
}
