/**
 * Occupations of 国家职业分类大典 (the classification GB/T 6565 codes), with Chinese and English labels, as
 * plain data: the web imports this file as it is, without zod. Vacancies and workers refer to occupations,
 * and a worker's skills to the occupations they can do, by code. Codes and titles are the 大典's own, as
 * the national vocational skills catalogue lists them (docs/adr/0013-occupation-codes.md says which
 * edition, and why a skill without an occupation of its own maps to the nearest one).
 */
export interface Occupation {
  /** GB/T 6565 code: major-middle-minor group and occupation, e.g. 6-05-01-03 (缝纫工). */
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export const OCCUPATIONS: readonly Occupation[] = [
  // 3 办事人员: the community posts a county runs
  { code: '3-01-04-01', zh: '村务和社区工作者', en: 'Village and community worker' },
  // 4 社会生产服务和生活服务人员
  { code: '4-01-02-01', zh: '营销员', en: 'Salesperson' },
  { code: '4-01-02-03', zh: '商品营业员', en: 'Shop assistant' },
  { code: '4-01-02-04', zh: '收银员', en: 'Cashier' },
  { code: '4-01-02-07', zh: '互联网营销师', en: 'Online (live-stream) marketer' },
  { code: '4-01-06-01', zh: '电子商务师', en: 'E-commerce specialist' },
  { code: '4-02-02-01', zh: '客运车辆驾驶员', en: 'Passenger vehicle driver' },
  { code: '4-02-02-02', zh: '道路货运汽车驾驶员', en: 'Truck driver' },
  { code: '4-02-05-01', zh: '装卸搬运工', en: 'Loader and porter' },
  { code: '4-02-06-01', zh: '仓储管理员', en: 'Warehouse keeper' },
  { code: '4-02-06-02', zh: '理货员', en: 'Tally clerk and order picker' },
  { code: '4-02-07-08', zh: '快递员', en: 'Courier' },
  { code: '4-02-07-09', zh: '快件处理员', en: 'Parcel sorter' },
  { code: '4-02-07-10', zh: '网约配送员', en: 'App-based delivery rider' },
  { code: '4-03-01-02', zh: '客房服务员', en: 'Hotel room attendant' },
  { code: '4-03-02-01', zh: '中式烹调师', en: 'Chinese cook' },
  { code: '4-03-02-02', zh: '中式面点师', en: 'Chinese pastry cook' },
  { code: '4-03-02-05', zh: '餐厅服务员', en: 'Waiter' },
  { code: '4-03-02-07', zh: '茶艺师', en: 'Tea master' },
  { code: '4-04-05-03', zh: '呼叫中心服务员', en: 'Call-centre agent' },
  { code: '4-06-01-01', zh: '物业管理师', en: 'Property manager' },
  { code: '4-06-01-03', zh: '停车管理员', en: 'Parking attendant' },
  { code: '4-07-05-01', zh: '保安员', en: 'Security guard' },
  { code: '4-07-05-02', zh: '安检员', en: 'Security screener' },
  { code: '4-09-08-01', zh: '保洁员', en: 'Cleaner' },
  { code: '4-09-08-02', zh: '生活垃圾清运工', en: 'Refuse collector' },
  { code: '4-09-10-01', zh: '园林绿化工', en: 'Landscape gardener' },
  { code: '4-10-01-03', zh: '保育师', en: 'Childcare worker' },
  { code: '4-10-01-05', zh: '养老护理员', en: 'Elderly care worker' },
  { code: '4-10-01-06', zh: '家政服务员', en: 'Domestic worker' },
  { code: '4-10-02-01', zh: '裁缝', en: 'Tailor' },
  { code: '4-10-03-01', zh: '美容师', en: 'Beautician' },
  { code: '4-10-03-02', zh: '美发师', en: 'Hairdresser' },
  { code: '4-10-04-02', zh: '保健按摩师', en: 'Massage therapist' },
  { code: '4-12-01-01', zh: '汽车维修工', en: 'Motor vehicle mechanic' },
  { code: '4-12-01-02', zh: '摩托车修理工', en: 'Motorcycle mechanic' },
  { code: '4-12-03-01', zh: '家用电器产品维修工', en: 'Household appliance repairer' },
  { code: '4-14-01-02', zh: '医疗护理员', en: 'Medical care assistant' },
  // 5 农、林、牧、渔业生产及辅助人员
  { code: '5-01-02-01', zh: '农艺工', en: 'Crop farm worker' },
  { code: '5-01-02-02', zh: '园艺工', en: 'Horticultural worker (vegetables, fruit, tea)' },
  { code: '5-01-02-03', zh: '食用菌生产工', en: 'Mushroom grower' },
  { code: '5-01-02-05', zh: '中药材种植员', en: 'Medicinal herb grower' },
  { code: '5-02-02-00', zh: '造林更新工', en: 'Afforestation worker' },
  { code: '5-02-03-01', zh: '护林员', en: 'Forest ranger' },
  { code: '5-02-03-02', zh: '森林抚育工', en: 'Forest tending worker' },
  { code: '5-03-02-01', zh: '家畜饲养员', en: 'Livestock keeper' },
  { code: '5-03-02-02', zh: '家禽饲养员', en: 'Poultry keeper' },
  { code: '5-04-02-01', zh: '水生动物饲养工', en: 'Fish farmer' },
  { code: '5-05-02-01', zh: '农作物植保员', en: 'Crop protection worker' },
  { code: '5-05-05-01', zh: '农机驾驶操作员', en: 'Farm machinery operator' },
  { code: '5-05-06-01', zh: '园艺产品加工工', en: 'Horticultural produce processor' },
  { code: '5-05-06-05', zh: '竹藤师', en: 'Bamboo and rattan craftsperson' },
  // 6 生产制造及有关人员: food
  { code: '6-01-04-03', zh: '肉制品加工工', en: 'Meat products processor' },
  { code: '6-01-06-00', zh: '果蔬坚果加工工', en: 'Fruit, vegetable and nut processor' },
  { code: '6-01-07-03', zh: '豆制品制作工', en: 'Soy products maker' },
  { code: '6-02-01-01', zh: '糕点面包烘焙师', en: 'Baker' },
  { code: '6-02-03-01', zh: '米面主食制作工', en: 'Rice and noodle staple maker' },
  { code: '6-02-05-08', zh: '酱腌菜制作工', en: 'Pickle and chilli sauce maker' },
  { code: '6-02-06-03', zh: '白酒酿造工', en: 'Baijiu brewer' },
  { code: '6-02-06-10', zh: '茶叶加工工', en: 'Tea processor' },
  // textiles, garments, leather, shoes
  { code: '6-04-02-01', zh: '纺纱工', en: 'Spinner' },
  { code: '6-04-03-03', zh: '织布工', en: 'Weaver' },
  { code: '6-04-04-03', zh: '横机工', en: 'Flat knitting machine operator' },
  { code: '6-04-06-02', zh: '纺织染色工', en: 'Textile dyer' },
  { code: '6-04-06-07', zh: '工艺染织品制作工', en: 'Craft dyeing and weaving worker (batik, tie-dye)' },
  { code: '6-05-01-01', zh: '服装制版师', en: 'Garment pattern maker' },
  { code: '6-05-01-02', zh: '裁剪工', en: 'Garment and textile cutter' },
  { code: '6-05-01-03', zh: '缝纫工', en: 'Sewing machinist' },
  { code: '6-05-01-04', zh: '缝纫品整型工', en: 'Garment finisher and presser' },
  { code: '6-05-01-06', zh: '绒线编织拼布工', en: 'Knitting and patchwork worker' },
  { code: '6-05-02-01', zh: '皮革及皮革制品加工工', en: 'Leather goods worker' },
  { code: '6-05-04-01', zh: '制鞋工', en: 'Shoemaker' },
  { code: '6-05-04-02', zh: '制帽工', en: 'Hat maker' },
  // wood, paper, printing, crafts
  { code: '6-06-03-01', zh: '手工木工', en: 'Carpenter' },
  { code: '6-06-04-00', zh: '家具制作工', en: 'Furniture maker' },
  { code: '6-07-02-00', zh: '纸箱纸盒制作工', en: 'Carton and box maker' },
  { code: '6-08-01-02', zh: '印刷操作员', en: 'Printing machine operator' },
  { code: '6-09-03-11', zh: '抽纱刺绣工', en: 'Embroiderer and drawnwork maker' },
  { code: '6-09-03-15', zh: '贵金属首饰制作工', en: 'Silver and gold jewellery maker' },
  { code: '6-09-03-17', zh: '民间工艺品制作工', en: 'Folk handicraft maker' },
  { code: '6-09-05-00', zh: '玩具制作工', en: 'Toy maker' },
  // rubber, plastics, building materials
  { code: '6-14-01-01', zh: '橡胶制品生产工', en: 'Rubber products worker' },
  { code: '6-14-02-00', zh: '塑料制品成型制作工', en: 'Plastics moulding operator' },
  { code: '6-15-02-01', zh: '砖瓦生产工', en: 'Brick and tile maker' },
  // machining, metalwork, assembly
  { code: '6-18-01-01', zh: '车工', en: 'Lathe operator' },
  { code: '6-18-01-07', zh: '多工序数控机床操作调整工', en: 'CNC machine operator' },
  { code: '6-18-01-12', zh: '冲压工', en: 'Press operator' },
  { code: '6-18-02-04', zh: '焊工', en: 'Welder' },
  { code: '6-18-03-03', zh: '涂装工', en: 'Industrial spray painter' },
  { code: '6-20-01-01', zh: '装配钳工', en: 'Assembly fitter' },
  { code: '6-22-02-01', zh: '汽车装调工', en: 'Automobile assembler' },
  // electrical and electronics
  { code: '6-24-02-04', zh: '光伏组件制造工', en: 'Solar module maker' },
  { code: '6-24-03-01', zh: '电线电缆制造工', en: 'Wire and cable maker' },
  { code: '6-24-04-00', zh: '电池制造工', en: 'Battery maker' },
  { code: '6-24-05-04', zh: '小型家用电器制造工', en: 'Small household appliance assembler' },
  { code: '6-25-01-13', zh: '印制电路制作工', en: 'Printed circuit board maker' },
  { code: '6-25-03-00', zh: '计算机及外部设备装配调试员', en: 'Computer and peripheral assembler' },
  { code: '6-25-04-02', zh: '通信终端设备制造工', en: 'Mobile phone and terminal assembler' },
  { code: '6-25-04-07', zh: '电子设备装接工', en: 'Electronics assembler' },
  { code: '6-25-04-08', zh: '电子设备调试工', en: 'Electronics tester' },
  // construction
  { code: '6-29-01-01', zh: '砌筑工', en: 'Bricklayer' },
  { code: '6-29-01-03', zh: '混凝土工', en: 'Concrete worker' },
  { code: '6-29-01-04', zh: '钢筋工', en: 'Steel fixer' },
  { code: '6-29-01-05', zh: '架子工', en: 'Scaffolder' },
  { code: '6-29-01-07', zh: '乡村建设工匠', en: 'Rural construction craftsman' },
  { code: '6-29-02-03', zh: '筑路工', en: 'Road builder' },
  { code: '6-29-02-04', zh: '公路养护工', en: 'Road maintenance worker' },
  { code: '6-29-02-08', zh: '防水工', en: 'Waterproofer' },
  { code: '6-29-03-02', zh: '电气设备安装工', en: 'Electrical installer' },
  { code: '6-29-03-04', zh: '管工', en: 'Pipefitter and plumber' },
  { code: '6-29-04-01', zh: '装饰装修工', en: 'Decorator and finisher' },
  // machinery operation, maintenance, inspection, packing
  { code: '6-30-05-01', zh: '起重装卸机械操作工', en: 'Crane and forklift operator' },
  { code: '6-30-05-05', zh: '挖掘铲运和桩工机械司机', en: 'Excavator and earthmover operator' },
  { code: '6-31-01-02', zh: '机修钳工', en: 'Maintenance fitter' },
  { code: '6-31-01-03', zh: '电工', en: 'Electrician' },
  { code: '6-31-03-05', zh: '质检员', en: 'Quality inspector' },
  { code: '6-31-05-00', zh: '包装工', en: 'Packer' },
  // 8: the 大典's own place for work it does not classify
  { code: '8-00-00-00', zh: '不便分类的其他从业人员', en: 'Other workers not elsewhere classified' },
];

/**
 * Every skill and occupation tag clients, seeds and stored events used before codes, and its code. A
 * tag whose trade has no occupation of its own in the 大典 maps to the nearest one (construction →
 * 砌筑工, tea picking → 园艺工, machine operation → 塑料制品成型制作工, the only machine job posted); wig
 * making has none near, so it is 不便分类的其他从业人员.
 */
export const LEGACY_SKILL_TAGS: Readonly<Record<string, string>> = {
  batik: '6-04-06-07',
  bricklaying: '6-29-01-01',
  cantonese_cooking: '4-03-02-01',
  carpentry: '6-06-03-01',
  chef: '4-03-02-01',
  childcare: '4-10-01-03',
  cleaner: '4-09-08-01',
  cleaning: '4-09-08-01',
  community_service: '3-01-04-01',
  community_worker: '3-01-04-01',
  construction: '6-29-01-01',
  construction_worker: '6-29-01-01',
  cooking: '4-03-02-01',
  craft_worker: '6-09-03-17',
  driving: '4-02-02-02',
  e_commerce: '4-01-06-01',
  elder_carer: '4-10-01-05',
  elderly_care: '4-10-01-05',
  electrician: '6-31-01-03',
  electronics: '6-25-04-07',
  electronics_assembler: '6-25-04-07',
  electronics_assembly: '6-25-04-07',
  embroiderer: '6-09-03-11',
  embroidery: '6-09-03-11',
  farming: '5-01-02-01',
  food_processing: '6-01-06-00',
  food_processor: '6-01-06-00',
  forest_ranger: '5-02-03-01',
  forklift: '6-30-05-01',
  garments: '6-05-01-03',
  greening: '4-09-10-01',
  hairdressing: '4-10-03-02',
  handicrafts: '6-09-03-17',
  housekeeper: '4-10-01-06',
  housekeeping: '4-10-01-06',
  injection_moulding_operator: '6-14-02-00',
  livestock: '5-03-02-01',
  logistics: '4-02-07-09',
  machine_operation: '6-14-02-00',
  machining: '6-18-01-07',
  packer: '6-31-05-00',
  painting: '6-29-04-01',
  parcel_sorter: '4-02-07-09',
  plumbing: '6-29-03-04',
  quality_inspection: '6-31-03-05',
  road_care: '6-29-02-04',
  road_maintainer: '6-29-02-04',
  security: '4-07-05-01',
  security_guard: '4-07-05-01',
  security_patrol: '4-07-05-01',
  sewing: '6-05-01-03',
  sewing_machinist: '6-05-01-03',
  shoemaker: '6-05-04-01',
  shoemaking: '6-05-04-01',
  tea_picking: '5-01-02-02',
  truck_driver: '4-02-02-02',
  warehouse: '4-02-06-01',
  welder: '6-18-02-04',
  welding: '6-18-02-04',
  wig_maker: '8-00-00-00',
  wig_making: '8-00-00-00',
};

/** Where a legacy occupation tag that no code stands for goes when an old event is read: the 大典's 8. */
export const UNCLASSIFIED_OCCUPATION = '8-00-00-00';

/** The shape of a code: one digit, then three pairs (6-05-01-03). */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}$/;

const BY_CODE = new Map(OCCUPATIONS.map((o) => [o.code, o]));
const LEGACY = new Map(Object.entries(LEGACY_SKILL_TAGS));

/** Whether the code is one of the list's. */
export const isKnownOccupation = (code: string): boolean => BY_CODE.has(code);

/** The code a client's value stands for: a known code as it is, a legacy tag mapped; undefined otherwise. */
export function occupationCodeOf(value: string): string | undefined {
  if (BY_CODE.has(value)) return value;
  return LEGACY.get(value);
}

/** The occupation of a code; an unknown code labels as itself, so an old record still shows something. */
export function occupationOf(code: string): { code: string; label: string; labelEn: string } {
  const known = BY_CODE.get(code);
  return { code, label: known?.zh ?? code, labelEn: known?.en ?? code };
}
